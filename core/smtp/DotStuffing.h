#pragma once

#include <QByteArray>

namespace kurier::smtp {

// The message as it goes after DATA (RFC 5321 §4.5.2, §2.3.8): every line end CRLF (bare LF and
// bare CR become CRLF), a leading "." doubled, a final CRLF, then the terminating ".\r\n".
[[nodiscard]] QByteArray dotStuff(const QByteArray &message);

} // namespace kurier::smtp
