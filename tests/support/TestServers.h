#pragma once
// Access to the disposable mail system of tests/servers (OAuth 2.0 server, Dovecot, Postfix)
// from integration tests. CTest starts it through the "servers" fixture and passes the path of
// its env file in $KURIER_TEST_ENV; tests/servers/README.md lists the keys.
//
// Header-only. Reading the env file needs Qt Core only; the TLS helpers use Qt Network types
// (linked into every test by kurier_add_test).
//
//   const auto &servers = kurier::test::TestServers::instance();
//   KURIER_REQUIRE_TEST_SERVERS(servers);            // QSKIP/QFAIL with the reason otherwise
//   socket.setSslConfiguration(servers.sslConfiguration());
//   socket.connectToHostEncrypted(servers.host(), servers.port("POP3_TLS_PORT"));

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>

namespace kurier::test {

class TestServers
{
public:
    // Reads the env file; an empty path means $KURIER_TEST_ENV.
    explicit TestServers(const QString &envFile = QString())
        : m_envFile(envFile.isEmpty() ? qEnvironmentVariable("KURIER_TEST_ENV") : envFile)
    {
        if (m_envFile.isEmpty()) {
            m_error = QStringLiteral("KURIER_TEST_ENV is not set: run this test through ctest (fixture "
                                     "\"servers\") or start tests/servers/up DIR and set "
                                     "KURIER_TEST_ENV=DIR/env");
            return;
        }
        QFile file(m_envFile);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
            m_error = QStringLiteral("cannot read %1: %2").arg(m_envFile, file.errorString());
            return;
        }
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            if (eq <= 0)
                continue;
            QString value = line.mid(eq + 1);
            if (value.size() >= 2 && value.front() == value.back()
                && (value.front() == QLatin1Char('"') || value.front() == QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2);
            m_values.insert(line.left(eq), value);
        }
        m_valid = true;
    }

    // The servers of this test run ($KURIER_TEST_ENV), read once.
    static const TestServers &instance()
    {
        static const TestServers servers;
        return servers;
    }

    // False when the environment does not name a readable env file; errorString() says why.
    [[nodiscard]] bool isValid() const { return m_valid; }
    // True when KURIER_TEST_ENV was not set at all (the test was run by hand): skip, don't fail.
    [[nodiscard]] bool isUnconfigured() const { return m_envFile.isEmpty(); }
    [[nodiscard]] QString errorString() const { return m_error; }
    [[nodiscard]] QString envFile() const { return m_envFile; }

    [[nodiscard]] bool contains(const QString &key) const { return m_values.contains(key); }
    // A mail address in the test domain no other test uses (tests run in parallel on one fixture).
    [[nodiscard]] QString uniqueAddress(const QString &tag) const
    {
        return QStringLiteral("%1-%2@%3").arg(tag, QUuid::createUuid().toString(QUuid::Id128).left(12),
                                              value(QStringLiteral("KURIER_TEST_MAIL_DOMAIN")));
    }
    // The value of KEY (OAUTH_BASE, POP3_TLS_PORT …); empty if absent.
    [[nodiscard]] QString value(const QString &key) const { return m_values.value(key); }
    [[nodiscard]] QString value(const char *key) const { return value(QString::fromLatin1(key)); }
    [[nodiscard]] const QHash<QString, QString> &values() const { return m_values; }

    // The address every server listens on (127.0.0.2, where Dovecot does not treat the
    // connection as secure before TLS).
    [[nodiscard]] QString host() const { return value("KURIER_TEST_HOST"); }
    [[nodiscard]] quint16 port(const char *key) const { return value(key).toUShort(); }
    [[nodiscard]] QUrl oauthUrl(const QString &path) const { return QUrl(value("OAUTH_BASE") + path); }

    // The run's own test CA, to be added to the TLS configuration; never ignore TLS errors.
    [[nodiscard]] QList<QSslCertificate> caCertificates() const
    {
        return QSslCertificate::fromPath(value("KURIER_TEST_CA"), QSsl::Pem);
    }

    // The default TLS configuration plus the test CA.
    [[nodiscard]] QSslConfiguration sslConfiguration() const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.addCaCertificates(caCertificates());
        return config;
    }

    enum class Delivery {
        Lmtp,    // through Dovecot's LMTP, as a real delivery (about 2–5 ms a message)
        Maildir, // files written straight into the Maildir (thousands a second); no open session
    };

    // Puts the messages (RFC 5322, LF or CRLF line ends) into USER's mailbox, in this order.
    // Returns an empty string on success, else what tests/servers/deliver reported.
    [[nodiscard]] QString deliver(const QString &user, const QList<QByteArray> &messages,
                                  Delivery how = Delivery::Lmtp) const
    {
        QTemporaryDir dir;
        if (!dir.isValid())
            return QStringLiteral("cannot make a temporary directory");
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QFile f(dir.filePath(QStringLiteral("%1.eml").arg(i, 8, 10, QLatin1Char('0'))));
            if (!f.open(QIODevice::WriteOnly) || f.write(messages[i]) != messages[i].size())
                return QStringLiteral("cannot write %1").arg(f.fileName());
        }
        return runDeliver(how, {user, dir.path()});
    }

    // Generates COUNT synthetic messages of about SIZE bytes in USER's mailbox
    // (subjects "<subject> 1" … "<subject> COUNT").
    [[nodiscard]] QString generate(const QString &user, int count, int size = 2000,
                                   Delivery how = Delivery::Maildir,
                                   const QString &subject = QStringLiteral("Generated message")) const
    {
        return runDeliver(how, {user, QStringLiteral("--generate"), QString::number(count),
                                QStringLiteral("--size"), QString::number(size),
                                QStringLiteral("--subject"), subject});
    }

private:
    [[nodiscard]] QString runDeliver(Delivery how, const QStringList &args) const
    {
        QStringList all;
        if (how == Delivery::Maildir)
            all << QStringLiteral("--maildir");
        all << value("KURIER_TEST_DIR") << args;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(value("KURIER_TEST_DELIVER"), all);
        if (!p.waitForFinished(300000))
            return QStringLiteral("tests/servers/deliver did not finish: %1").arg(p.errorString());
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return QString::fromUtf8(p.readAll()).trimmed();
        return {};
    }

    QString m_envFile;
    QString m_error;
    QHash<QString, QString> m_values;
    bool m_valid = false;
};

} // namespace kurier::test

// In a test function or initTestCase(): fails, with the reason, when the servers are not there
// (started by hand without them, or KURIER_TEST_ENV unreadable) — a skipped test proves nothing.
// The reason says how to run it: through ctest, or with tests/servers/up DIR and KURIER_TEST_ENV.
#define KURIER_REQUIRE_TEST_SERVERS(servers)                                                     \
    do {                                                                                         \
        if (!(servers).isValid())                                                                \
            QFAIL(qPrintable((servers).errorString()));                                          \
    } while (false)
