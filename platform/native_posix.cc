// platform/native_posix.cc: NativeOs() for other POSIX builds (macOS, the
// BSDs) is the POSIX backend.

#include "platform/os.h"
#include "platform/posix/posix_os.h"

namespace xsock {
namespace platform {

const Os& NativeOs() { return PosixOsInstance(); }

}  // namespace platform
}  // namespace xsock
