// platform/native_linux.cc: NativeOs() for Linux builds is the Linux backend.

#include "platform/linux/linux_os.h"
#include "platform/os.h"

namespace xsock {
namespace platform {

const Os& NativeOs() { return LinuxOsInstance(); }

}  // namespace platform
}  // namespace xsock
