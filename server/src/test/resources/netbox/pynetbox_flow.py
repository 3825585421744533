"""Drives ipkeeper's NetBox adapter with Debian's pynetbox 7.0.0, as an automation script would.

Usage: pynetbox_flow.py <server url> <token> <prefix cidr>
Prints one JSON object with what it saw; any failure is an exception (exit code 1).
"""
import json
import sys

import pynetbox
from pynetbox.core.query import AllocationError

url, token, cidr = sys.argv[1:4]
nb = pynetbox.api(url, token=token)
seen = {}

seen["version"] = nb.version  # GET /api/ without credentials, reads the API-Version header
seen["netbox_version"] = nb.status()["netbox-version"]

seen["prefixes"] = [str(p) for p in nb.ipam.prefixes.all()]
prefix = nb.ipam.prefixes.get(prefix=cidr)
assert prefix is not None, "no prefix " + cidr
assert nb.ipam.prefixes.get(prefix.id).prefix == cidr
seen["prefix_status"] = prefix.status.value
seen["prefix_count"] = nb.ipam.prefixes.count()

free = prefix.available_ips.list()
seen["free_before"] = [a.address for a in free] if hasattr(free[0], "address") else [a["address"] for a in free]

one = prefix.available_ips.create()
seen["one"] = one.address
two = prefix.available_ips.create([{}, {"description": "second"}])
seen["two"] = [a.address for a in two]

exhausted = False
made = 0
while not exhausted:
    try:
        prefix.available_ips.create()
        made += 1
    except AllocationError:
        exhausted = True
seen["made_until_exhausted"] = made
seen["free_after"] = len(prefix.available_ips.list())

ip = nb.ipam.ip_addresses.get(one.id)
ip.description = "changed by pynetbox"
ip.dns_name = "host.example.org"
assert ip.save()
again = nb.ipam.ip_addresses.get(one.id)
seen["saved"] = [again.description, again.dns_name, again.status.value]
seen["filtered"] = len(nb.ipam.ip_addresses.filter(address=one.address))
seen["choices"] = [c["value"] for c in nb.ipam.ip_addresses.choices()["status"]]

assert again.delete()
seen["after_delete"] = nb.ipam.ip_addresses.get(one.id)
seen["remaining"] = nb.ipam.ip_addresses.count(parent=cidr)

print(json.dumps(seen))
