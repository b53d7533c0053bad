from django.urls import path

from .views import profiles, tokens

app_name = "members"

urlpatterns = [
    path("me/", profiles.profile_edit, name="edit"),
    path("me/tokens/", tokens.tokens, name="tokens"),
    path("me/tokens/<id:token_id>/revoke/", tokens.revoke, name="revoke_token"),
    path("<str:username>/", profiles.profile_detail, name="profile"),
]
