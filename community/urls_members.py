from django.urls import path

from .views import profiles

app_name = "members"

urlpatterns = [
    path("me/", profiles.profile_edit, name="edit"),
    path("<str:username>/", profiles.profile_detail, name="profile"),
]
