// net::sslErrorText: certificate errors in the user's language; English stays Qt's own text.
#include "net/SslErrorText.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using kurier::net::sslErrorText;

class TestSslErrorText : public QObject
{
    Q_OBJECT

private slots:
    void englishIsQtsText_data()
    {
        QTest::addColumn<int>("code");
        for (int code = QSslError::UnableToGetIssuerCertificate; code <= QSslError::OcspStatusUnknown; ++code)
            QTest::addRow("%d", code) << code;
    }
    void englishIsQtsText()
    {
        QFETCH(int, code);
        const QSslError error(static_cast<QSslError::SslError>(code));
        QCOMPARE(sslErrorText(error), error.errorString());
    }

    void germanForTheCommonOnes_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("german");
        QTest::newRow("expired") << int(QSslError::CertificateExpired) << QStringLiteral("abgelaufen");
        QTest::newRow("not yet valid") << int(QSslError::CertificateNotYetValid) << QStringLiteral("noch nicht gültig");
        QTest::newRow("self-signed") << int(QSslError::SelfSignedCertificate) << QStringLiteral("selbst signiert");
        QTest::newRow("unknown CA") << int(QSslError::UnableToGetLocalIssuerCertificate) << QStringLiteral("Zertifizierungsstelle");
        QTest::newRow("host name") << int(QSslError::HostNameMismatch) << QStringLiteral("Servernamen");
        QTest::newRow("no certificate verified") << int(QSslError::UnableToVerifyFirstCertificate) << QStringLiteral("Kein Zertifikat");
    }
    void germanForTheCommonOnes()
    {
        QFETCH(int, code);
        QFETCH(QString, german);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/kurier_de.qm")));
        QCoreApplication::installTranslator(&translator);
        const QString text = sslErrorText(QSslError(static_cast<QSslError::SslError>(code)));
        QCoreApplication::removeTranslator(&translator);
        QVERIFY2(text.contains(german), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestSslErrorText)
#include "tst_ssl_error_text.moc"
