#pragma once
// tests/support/https-files for a test: a real HTTPS and HTTP server on the run's own loopback
// address (with-dns gives it, and its zone maps the test's names to it), with a certificate of
// a test CA for the names the test serves.
//   test::HttpsFiles web; QVERIFY2(web.start({"autoconfig.example.test"}), qPrintable(web.error()));
//   web.put("autoconfig.example.test", "mail/config-v1.1.xml", xml);
//   web.rule("autoconfig.example.test", "/mail/config-v1.1.xml sleep 2");

#include "support/TestCertificates.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

namespace kurier::test {

class HttpsFiles
{
public:
    // A config-v1.1 document naming these servers (POP3 with SSL on 995, SMTP with STARTTLS on
    // 587, password sign-in): the host names tell a test which source answered.
    [[nodiscard]] static QByteArray autoconfig(const QByteArray &popHost, const QByteArray &smtpHost = "smtp.p.test")
    {
        return "<?xml version=\"1.0\"?>\n<clientConfig version=\"1.1\"><emailProvider id=\"p\"><domain>p.test</domain>"
               "<incomingServer type=\"pop3\"><hostname>" + popHost + "</hostname><port>995</port><socketType>SSL</socketType>"
               "<authentication>password-cleartext</authentication><username>%EMAILADDRESS%</username></incomingServer>"
               "<outgoingServer type=\"smtp\"><hostname>" + smtpHost + "</hostname><port>587</port><socketType>STARTTLS</socketType>"
               "<authentication>password-cleartext</authentication></outgoingServer></emailProvider></clientConfig>\n";
    }

    ~HttpsFiles()
    {
        m_server.closeWriteChannel(); // the server ends with its stdin
        if (m_server.state() != QProcess::NotRunning && !m_server.waitForFinished(3000))
            m_server.kill();
    }

    // Starts the server with a certificate for these names (and only these).
    [[nodiscard]] bool start(const QStringList &names)
    {
        const QString address = qEnvironmentVariable("KURIER_TEST_DNS_SERVER");
        if (address.isEmpty())
            return fail(QStringLiteral("run through tests/support/with-dns"));
        if (!m_certs.create())
            return fail(m_certs.error());
        QByteArray san;
        for (const QString &n : names)
            san += (san.isEmpty() ? "DNS:" : ",DNS:") + n.toLatin1();
        if (!m_certs.issue(QStringLiteral("web"), san))
            return fail(m_certs.error());
        m_server.setProgram(QStringLiteral(KURIER_SOURCE_DIR "/tests/support/https-files"));
        m_server.setArguments({QStringLiteral("--address"), address, QStringLiteral("--cert"), m_certs.path() + QStringLiteral("/web.pem"),
                               QStringLiteral("--key"), m_certs.path() + QStringLiteral("/web.key"), QStringLiteral("--root"),
                               m_dir.filePath(QStringLiteral("www")), QStringLiteral("--log"), logPath()});
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.start();
        if (!m_server.waitForStarted())
            return fail(QStringLiteral("https-files does not start"));
        QByteArray said;
        while (!said.contains("ready") && m_server.state() == QProcess::Running && m_server.waitForReadyRead(10000))
            said += m_server.readAllStandardOutput();
        return said.contains("ready") || fail(QStringLiteral("https-files did not come up: ") + QString::fromLocal8Bit(said));
    }

    // The file for https://<host>/<path> (and http://).
    void put(const QString &host, const QString &path, const QByteArray &data) const
    {
        const QString file = m_dir.filePath(QStringLiteral("www/") + host + u'/' + path);
        QDir().mkpath(QFileInfo(file).path());
        QFile f(file);
        if (f.open(QIODevice::WriteOnly))
            f.write(data);
    }
    // A line of the host's .rules ("PATH redirect URL", "PATH status CODE", "PATH sleep S").
    void rule(const QString &host, const QByteArray &line) const
    {
        QDir().mkpath(m_dir.filePath(QStringLiteral("www/") + host));
        QFile f(m_dir.filePath(QStringLiteral("www/") + host + QStringLiteral("/.rules")));
        if (f.open(QIODevice::Append))
            f.write(line + '\n');
    }
    // The requests the server saw for this host (scheme, host, path, query, headers).
    [[nodiscard]] QList<QJsonObject> requests(const QString &host) const
    {
        QList<QJsonObject> out;
        QFile f(logPath());
        if (!f.open(QIODevice::ReadOnly))
            return out;
        while (!f.atEnd()) {
            const QJsonObject o = QJsonDocument::fromJson(f.readLine()).object();
            if (o.value(QStringLiteral("host")).toString() == host)
                out << o;
        }
        return out;
    }
    [[nodiscard]] QList<QSslCertificate> ca() const { return m_certs.ca(); }
    [[nodiscard]] QString caPath() const { return m_certs.path() + QStringLiteral("/ca.pem"); }
    [[nodiscard]] QString error() const { return m_error; }

private:
    [[nodiscard]] QString logPath() const { return m_dir.filePath(QStringLiteral("requests.log")); }
    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    TestCertificates m_certs;
    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_error;
};

} // namespace kurier::test
