/** The IPAM domain model: spaces, subnets, ranges, allocations, requests and utilization. */
package io.ipkeeper.ipam.model;
