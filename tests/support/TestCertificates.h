#pragma once
// Certificates for TLS attack tests, made by the openssl tool in a temporary directory at test
// time (nothing is committed, nothing expires in the repository). EC P-256 keys keep it fast.
//   TestCertificates certs; QVERIFY2(certs.create(), qPrintable(certs.error()));
//   server.certificate = certs.certificate("expired"); server.key = certs.key("expired");
// Made by the test CA "Kurier-Hostile-CA" (trust it with certs.ca()), for 127.0.0.1 and localhost:
//   server    valid 2020–2099
//   expired   valid Jan 2020 only
//   future    valid from 2090
//   wronghost valid, but for other.example only
//   weak      valid, RSA 1024 (below OpenSSL security level 2)
//   twin      valid, same subject as "server", another key (a pin of "server" must not fit it)
// Not made by the test CA:
//   selfsigned  its own issuer, for 127.0.0.1
//   rogue       made by another CA ("Rogue-CA") nobody trusts

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>

namespace kurier::test {

class TestCertificates
{
public:
    [[nodiscard]] bool create()
    {
        if (!m_dir.isValid())
            return fail(QStringLiteral("no temporary directory"));
        const QString ec = QStringLiteral("-newkey ec -pkeyopt ec_paramgen_curve:prime256v1");
        const QString caExt = QStringLiteral("-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign");
        if (!run(QStringLiteral("req -x509 %1 -nodes -keyout ca.key -out ca.pem -days 30 -subj /CN=Kurier-Hostile-CA %2").arg(ec, caExt))
            || !run(QStringLiteral("req -x509 %1 -nodes -keyout rogue-ca.key -out rogue-ca.pem -days 30 -subj /CN=Rogue-CA %2").arg(ec, caExt)))
            return false;
        writeFile(QStringLiteral("ca.cnf"),
                  "[ ca ]\ndefault_ca = test\n[ test ]\ndir = .\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\n"
                  "default_md = sha256\npolicy = pol\nunique_subject = no\n[ pol ]\ncommonName = supplied\n");
        writeFile(QStringLiteral("index.txt"), "");
        writeFile(QStringLiteral("serial"), "1000\n");
        const QByteArray local = "IP:127.0.0.1,DNS:localhost";
        return sign(QStringLiteral("server"), QStringLiteral("server"), ec, local, "20200101000000Z", "20991231235959Z", QStringLiteral("ca"))
            && sign(QStringLiteral("expired"), QStringLiteral("expired"), ec, local, "20200101000000Z", "20200201000000Z", QStringLiteral("ca"))
            && sign(QStringLiteral("future"), QStringLiteral("future"), ec, local, "20900101000000Z", "20991231235959Z", QStringLiteral("ca"))
            && sign(QStringLiteral("wronghost"), QStringLiteral("wronghost"), ec, "DNS:other.example", "20200101000000Z", "20991231235959Z",
                    QStringLiteral("ca"))
            && sign(QStringLiteral("weak"), QStringLiteral("weak"), QStringLiteral("-newkey rsa:1024"), local, "20200101000000Z",
                    "20991231235959Z", QStringLiteral("ca"))
            && sign(QStringLiteral("twin"), QStringLiteral("server"), ec, local, "20200101000000Z", "20991231235959Z", QStringLiteral("ca"))
            && sign(QStringLiteral("rogue"), QStringLiteral("rogue"), ec, local, "20200101000000Z", "20991231235959Z", QStringLiteral("rogue-ca"))
            && run(QStringLiteral("req -x509 %1 -nodes -keyout selfsigned.key -out selfsigned.pem -days 30 -subj /CN=selfsigned "
                                  "-addext subjectAltName=IP:127.0.0.1,DNS:localhost")
                       .arg(ec));
    }

    [[nodiscard]] QSslCertificate certificate(const QString &name) const
    {
        return QSslCertificate::fromPath(m_dir.filePath(name + QStringLiteral(".pem"))).value(0);
    }
    [[nodiscard]] QSslKey key(const QString &name) const
    {
        QFile f(m_dir.filePath(name + QStringLiteral(".key")));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        const QByteArray pem = f.readAll();
        const QSslKey ecKey(pem, QSsl::Ec);
        return ecKey.isNull() ? QSslKey(pem, QSsl::Rsa) : ecKey;
    }
    [[nodiscard]] QList<QSslCertificate> ca() const { return {certificate(QStringLiteral("ca"))}; }
    // One more certificate by the test CA, valid 2020–2099, for these subjectAltNames
    // ("DNS:autoconfig.example.test,DNS:example.test"); after create().
    [[nodiscard]] bool issue(const QString &name, const QByteArray &subjectAltNames)
    {
        return sign(name, name, QStringLiteral("-newkey ec -pkeyopt ec_paramgen_curve:prime256v1"), subjectAltNames,
                    "20200101000000Z", "20991231235959Z", QStringLiteral("ca"));
    }
    [[nodiscard]] QString path() const { return m_dir.path(); }
    [[nodiscard]] QString error() const { return m_error; }

private:
    bool sign(const QString &name, const QString &commonName, const QString &keySpec, const QByteArray &san,
              const char *notBefore, const char *notAfter, const QString &ca)
    {
        writeFile(name + QStringLiteral(".ext"),
                  "subjectAltName=" + san + "\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
        // `openssl ca` takes explicit validity dates: expired and not-yet-valid certificates
        // without faking the clock.
        return run(QStringLiteral("req %1 -nodes -keyout %2.key -subj /CN=%3 -out %2.csr").arg(keySpec, name, commonName))
            && run(QStringLiteral("ca -batch -config ca.cnf -cert %1.pem -keyfile %1.key -in %2.csr -out %2.pem -startdate %3 -enddate %4 "
                                  "-extfile %2.ext -notext")
                       .arg(ca, name, QString::fromLatin1(notBefore), QString::fromLatin1(notAfter)));
    }

    bool run(const QString &commandLine)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), commandLine.split(u' '));
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return fail(QStringLiteral("openssl %1 failed: %2").arg(commandLine, QString::fromLocal8Bit(p.readAll())));
        return true;
    }

    void writeFile(const QString &name, const QByteArray &content)
    {
        QFile f(m_dir.filePath(name));
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
    }

    bool fail(const QString &error)
    {
        m_error = error;
        return false;
    }

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace kurier::test
