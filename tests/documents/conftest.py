import pytest


@pytest.fixture(autouse=True)
def admin_without_second_factor(settings):
    """Uploads are tested here, not two-factor authentication (accounts/): the
    superuser of ``admin_client`` goes straight to the admin."""
    settings.ACCOUNTS_MFA_REQUIRED = False
