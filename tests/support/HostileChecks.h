#pragma once
// What the hostile-server tests (tst_hostile_pop3, tst_hostile_smtp) share: a ScriptedServer
// with the test CA's certificate, the time and memory an attack cost the client, and the check
// that a password never crossed the wire. Header-only.
//
//   AttackMeter meter;            // after the client is made, before it connects
//   client.session.open();
//   const auto d = client.failure();
//   meter.stop();                 // freezes took() and grown()
//   kurier::test::verifyCutInTime(meter);
//   if (QTest::currentTestFailed()) return;

#include "diagnostics/Diagnostic.h"
#include "net/TlsPolicy.h"
#include "support/Sanitizers.h"
#include "support/ScriptedServer.h"
#include "support/TestCertificates.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <functional>
#include <memory>
#include <unistd.h>

namespace kurier::test {

// Resident set size of this process (0 if /proc is not there).
inline qint64 residentBytes()
{
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return f.readAll().split(' ').value(1).toLongLong() * sysconf(_SC_PAGESIZE);
}

// The server answers with the test CA's certificate `name` (TestCertificates), from the first
// byte (implicit TLS) or after STLS/STARTTLS.
inline void serveTls(ScriptedServer &server, const TestCertificates &certs, bool implicit,
                     const QString &name = QStringLiteral("server"))
{
    server.implicitTls = implicit;
    server.certificate = certs.certificate(name);
    server.key = certs.key(name);
}

// A protocol script's `override` (first say on every line; true when it answered): answers
// `command` with `reply`, leaves every other line to the script.
using Override = std::function<bool(ScriptedServer::Connection &, const QByteArray &line)>;
inline Override answering(const QByteArray &command, const QByteArray &reply)
{
    return [command, reply](ScriptedServer::Connection &c, const QByteArray &line) {
        if (line != command)
            return false;
        c.send(reply);
        return true;
    };
}

// An override for a fake STARTTLS: `command` gets `goAhead` and then no handshake, but
// `plaintext` to every later line (the ClientHello's bytes included).
inline Override fakeTlsGoAhead(const QByteArray &command, const QByteArray &goAhead, const QByteArray &plaintext)
{
    auto goAheadSent = std::make_shared<bool>(false);
    return [=](ScriptedServer::Connection &c, const QByteArray &line) {
        if (line == command) {
            *goAheadSent = true;
            c.send(goAhead);
            return true;
        }
        if (!*goAheadSent)
            return false;
        c.send(plaintext);
        return true;
    };
}

// What the clients under attack use: the test CA trusted, 5 s to connect.
inline net::TlsPolicy trustingTestCa(const TestCertificates &certs)
{
    net::TlsPolicy p;
    p.extraCaCertificates = certs.ca();
    p.connectTimeoutMs = 5000;
    return p;
}

// The password on the wire: in the clear, or base64 in a SASL PLAIN response.
inline bool containsPassword(const QByteArray &wire, const QString &user, const QString &password)
{
    return wire.contains(password.toUtf8())
        || wire.contains(QByteArray('\0' + user.toUtf8() + '\0' + password.toUtf8()).toBase64());
}

// Time and growth of the resident set over one attack, from construction to stop().
class AttackMeter
{
public:
    AttackMeter()
        : m_rssBefore(residentBytes())
    {
        m_clock.start();
    }
    void stop()
    {
        m_took = m_clock.elapsed();
        m_grown = residentBytes() - m_rssBefore;
    }
    [[nodiscard]] qint64 elapsed() const { return m_clock.elapsed(); } // still running
    [[nodiscard]] qint64 took() const { return m_took; }               // until stop()
    [[nodiscard]] qint64 grown() const { return m_grown; }             // until stop()

    // One line for the test log: how fast the flood was cut and what it cost.
    void report(const char *attack, qint64 flooded) const
    {
        qInfo("%s: cut after %lld ms, server pushed %lld bytes, RSS grew %lld KB", attack, elapsed(), flooded,
              m_grown / 1024);
    }

private:
    QElapsedTimer m_clock;
    qint64 m_rssBefore;
    qint64 m_took = 0;
    qint64 m_grown = 0;
};

// A flood (512 MB on offer) must end within 5 s with the resident set grown by less than 48 MB.
inline void verifyCutInTime(const AttackMeter &meter)
{
    QVERIFY(meter.elapsed() < 5000);
    QVERIFY2(meter.grown() < rssBound(48LL * 1024 * 1024), qPrintable(QString::number(meter.grown())));
}

// A trickle must hit the reply deadline (1 s): not before it, nor long after.
inline void verifyTimedOutAtDeadline(const AttackMeter &meter)
{
    QVERIFY2(meter.took() >= 900 && meter.took() < 2500, qPrintable(QString::number(meter.took())));
}

// A server that accepts and never says a word: the client gives up at its reply timeout
// (500 ms), as a failure worth retrying, without having sent anything.
inline void verifySilentServerTimedOut(const diagnostics::Diagnostic &d, const AttackMeter &meter,
                                       const ScriptedServer &server)
{
    QCOMPARE(d.code, QStringLiteral("timeout"));
    QVERIFY(d.retryable);
    QVERIFY2(meter.elapsed() >= 450 && meter.elapsed() < 2000, qPrintable(QString::number(meter.elapsed())));
    QVERIFY(server.received().isEmpty());
}

} // namespace kurier::test
