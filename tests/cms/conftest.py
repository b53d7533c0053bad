import pytest
from wagtail.models import APIToken

from tests.cms.factories import UserFactory
from tests.home.factories import NewsPageFactory


def token_for(user):
    _token, plaintext = APIToken.create_token(user=user, name="front end")
    return plaintext


@pytest.fixture
def bearer():
    """A function giving the Authorization header of a new token for a user."""

    def header(user):
        return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}"}

    return header


@pytest.fixture
def member(db):
    return UserFactory(username="bob-member")


@pytest.fixture
def news_item(news_index):
    return NewsPageFactory(parent=news_index, title="Buyers launch a PCP")
