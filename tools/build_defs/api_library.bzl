"""xsock_api_library: a public library of api/, reached as "xsock/<name>.h"."""

load("//tools/build_defs:copts.bzl", "XSOCK_COPTS")

def xsock_api_library(name, **kwargs):
    """A cc_library in api/ whose headers are included as "xsock/<header>".

    Sets the project's copts, the "xsock" include prefix (so a vendored copy
    never collides with another project's headers) and public visibility;
    every other attribute is passed to cc_library unchanged.
    """
    native.cc_library(
        name = name,
        copts = XSOCK_COPTS,
        include_prefix = "xsock",
        strip_include_prefix = "/api",
        visibility = ["//visibility:public"],
        **kwargs
    )
