// platform/native_windows.cc: NativeOs() for Windows builds is the Winsock
// backend.

#include "platform/os.h"
#include "platform/windows/windows_os.h"

namespace xsock {
namespace platform {

const Os& NativeOs() { return WindowsOsInstance(); }

}  // namespace platform
}  // namespace xsock
