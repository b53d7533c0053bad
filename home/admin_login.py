"""The Wagtail admin's sign-in, slowed down for password guessing like the
site's own (/accounts/login/, django-allauth)."""

from allauth.account.adapter import get_adapter
from wagtail.admin.forms.auth import LoginForm


class RateLimitedLoginForm(LoginForm):
    """Wagtail's admin sign-in form, checking the password through allauth's
    adapter: its `login_failed` limit (ACCOUNT_RATE_LIMITS) counts failures per
    address and per username, shared with /accounts/login/, and past it even
    the right password is refused with a message until the window passes."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is not None and password:
            self.user_cache = get_adapter(self.request).authenticate(
                self.request, username=username, password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data
