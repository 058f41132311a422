"""The Decap CMS release the admin page loads: one exact version, checked by its hash.

The tests install the same version from npm (tests/js/package.json) and check that these figures
are that package's, so the pin and the tested editor cannot drift apart.
"""

from __future__ import annotations

PACKAGE = "decap-cms"
VERSION = "3.16.3"
SCRIPT = "decap-cms.js"
#: Subresource Integrity of dist/decap-cms.js: a CDN that served other bytes is refused.
SHA384 = "A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
CDN_URL = f"https://unpkg.com/{PACKAGE}@{VERSION}/dist/{SCRIPT}"
