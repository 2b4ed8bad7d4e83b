#pragma once

#include <QtGlobal>

namespace kurier::test {

// In a sanitizer build (the "asan" preset, build-asan/) AddressSanitizer keeps freed blocks in a
// quarantine (256 MB by default) that stays resident while the test runs, and pads every block
// with redzones. Bounds on the resident set size get that much headroom there; it stays well
// below the floods the hostile-server tests send (512 MB), so an unbounded buffer still fails.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr qint64 kSanitizerRssHeadroom = 256LL * 1024 * 1024;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr qint64 kSanitizerRssHeadroom = 256LL * 1024 * 1024;
#else
inline constexpr qint64 kSanitizerRssHeadroom = 0;
#endif
#else
inline constexpr qint64 kSanitizerRssHeadroom = 0;
#endif

// The largest allowed growth of the resident set size for a bound of `bytes` in a normal build.
[[nodiscard]] constexpr qint64 rssBound(qint64 bytes)
{
    return bytes + kSanitizerRssHeadroom;
}

} // namespace kurier::test
