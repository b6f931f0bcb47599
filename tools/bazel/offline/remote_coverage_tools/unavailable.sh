#!/usr/bin/env bash
echo "coverage tools are not available in the offline build" \
  "(@remote_coverage_tools is a stub; see tools/setup)" >&2
exit 1
