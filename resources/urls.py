from django.urls import path

from . import views

app_name = "resources"

urlpatterns = [
    path("", views.resource_index, name="index"),
    path("<slug:slug>/", views.resource_detail, name="detail"),
]
