"""allauth's forms with the wording of this site."""

from allauth.account.forms import LoginForm
from django.utils.translation import gettext_lazy as _


class SignInForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # allauth labels this field "Login", which reads like a button.
        self.fields["login"].label = _("Username or email")
