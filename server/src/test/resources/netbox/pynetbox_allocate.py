"""One of many concurrent allocators: takes addresses from one prefix until it has <count> or the prefix is full.

Usage: pynetbox_allocate.py <server url> <token> <prefix id> <count>
Prints a JSON list of the addresses it got.
"""
import json
import sys

import pynetbox
from pynetbox.core.query import AllocationError

url, token, prefix_id, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
nb = pynetbox.api(url, token=token)
prefix = nb.ipam.prefixes.get(prefix_id)
got = []
for _ in range(count):
    try:
        got.append(prefix.available_ips.create({"description": "race"}).address)
    except AllocationError:
        break
print(json.dumps(got))
