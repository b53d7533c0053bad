from django.urls import path

from . import feeds, views

app_name = "saved_searches"

urlpatterns = [
    path("members/me/searches/", views.saved_list, name="list"),
    path("members/me/searches/save/", views.save, name="save"),
    path("members/me/searches/<id:pk>/", views.update, name="update"),
    path("members/me/searches/<id:pk>/delete/", views.delete, name="delete"),
    path("members/me/searches/<id:pk>/feed/", views.new_feed_address, name="new_feed"),
    path("saved-searches/feed/<str:token>/", feeds.feed, name="feed"),
    path("saved-searches/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
