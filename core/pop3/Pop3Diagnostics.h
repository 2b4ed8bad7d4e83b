#pragma once

#include "diagnostics/Diagnostic.h"
#include "net/Transport.h"
#include "pop3/Pop3Reply.h"

#include <QString>

namespace kurier::pop3 {

// The diagnostics a POP3 connection can end with: what the server said (verbatim) apart from
// what Kurier concludes, and what the user can do (mpop keeps the two apart as well).
namespace Pop3Diagnostics {

using diagnostics::Diagnostic;

[[nodiscard]] Diagnostic transportFailed(const net::Transport &transport, const QString &host, quint16 port);
[[nodiscard]] Diagnostic connectionClosed(const QString &host, const QString &during);
[[nodiscard]] Diagnostic replyTimeout(const QString &host, int timeoutMs);
// Data kept coming, but far below any usable rate (a server trickling bytes to hold us).
[[nodiscard]] Diagnostic tooSlow(const QString &host, qint64 bytes, qint64 elapsedMs);
[[nodiscard]] Diagnostic protocolViolation(const QString &host, const QString &what);
[[nodiscard]] Diagnostic greetingRefused(const QString &host, const Pop3Reply &reply);
[[nodiscard]] Diagnostic startTlsNotOffered(const QString &host);
[[nodiscard]] Diagnostic startTlsRefused(const QString &host, const Pop3Reply &reply);
[[nodiscard]] Diagnostic unencryptedNotAccepted(const QString &host);
[[nodiscard]] Diagnostic noMechanism(const QString &host, bool oauth, const QByteArray &offered);
// An AUTH/USER/PASS refused. `microsoft`: the server is Exchange Online (text mapping below).
[[nodiscard]] Diagnostic authenticationFailed(const QString &host, const Pop3Reply &reply, bool oauth, bool microsoft,
                                              bool appOnly);
// Any other -ERR that ends the session (STAT, UIDL, RETR …); [IN-USE], [SYS/TEMP] and
// [LOGIN-DELAY] are recognised.
[[nodiscard]] Diagnostic commandFailed(const QString &host, const QByteArray &command, const Pop3Reply &reply);
[[nodiscard]] Diagnostic messageTooLarge(qint64 size, qint64 limit);
[[nodiscard]] Diagnostic tokenFailed(const Diagnostic &tokenDiagnostic);

// True if the host is Exchange Online's POP3 server (outlook.office365.com and friends).
[[nodiscard]] bool isMicrosoftHost(const QString &host);

} // namespace Pop3Diagnostics

} // namespace kurier::pop3
