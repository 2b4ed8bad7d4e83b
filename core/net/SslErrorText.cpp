#include "net/SslErrorText.h"

#include <QCoreApplication>

namespace kurier::net {

namespace {
struct Text {
    QSslError::SslError error;
    const char *text;
};
// lupdate sees the texts through QT_TRANSLATE_NOOP; sslErrorText() translates them.
constexpr Text Texts[] = {
    {QSslError::UnableToGetIssuerCertificate, QT_TRANSLATE_NOOP("SslErrorText", "The issuer certificate could not be found")},
    {QSslError::UnableToDecryptCertificateSignature, QT_TRANSLATE_NOOP("SslErrorText", "The certificate signature could not be decrypted")},
    {QSslError::UnableToDecodeIssuerPublicKey, QT_TRANSLATE_NOOP("SslErrorText", "The public key in the certificate could not be read")},
    {QSslError::CertificateSignatureFailed, QT_TRANSLATE_NOOP("SslErrorText", "The signature of the certificate is invalid")},
    {QSslError::CertificateNotYetValid, QT_TRANSLATE_NOOP("SslErrorText", "The certificate is not yet valid")},
    {QSslError::CertificateExpired, QT_TRANSLATE_NOOP("SslErrorText", "The certificate has expired")},
    {QSslError::InvalidNotBeforeField, QT_TRANSLATE_NOOP("SslErrorText", "The certificate's notBefore field contains an invalid time")},
    {QSslError::InvalidNotAfterField, QT_TRANSLATE_NOOP("SslErrorText", "The certificate's notAfter field contains an invalid time")},
    {QSslError::SelfSignedCertificate, QT_TRANSLATE_NOOP("SslErrorText", "The certificate is self-signed, and untrusted")},
    {QSslError::SelfSignedCertificateInChain, QT_TRANSLATE_NOOP("SslErrorText", "The root certificate of the certificate chain is self-signed, and untrusted")},
    {QSslError::UnableToGetLocalIssuerCertificate, QT_TRANSLATE_NOOP("SslErrorText", "The issuer certificate of a locally looked up certificate could not be found")},
    {QSslError::UnableToVerifyFirstCertificate, QT_TRANSLATE_NOOP("SslErrorText", "No certificates could be verified")},
    {QSslError::InvalidCaCertificate, QT_TRANSLATE_NOOP("SslErrorText", "One of the CA certificates is invalid")},
    {QSslError::PathLengthExceeded, QT_TRANSLATE_NOOP("SslErrorText", "The basicConstraints path length parameter has been exceeded")},
    {QSslError::InvalidPurpose, QT_TRANSLATE_NOOP("SslErrorText", "The supplied certificate is unsuitable for this purpose")},
    {QSslError::CertificateUntrusted, QT_TRANSLATE_NOOP("SslErrorText", "The root CA certificate is not trusted for this purpose")},
    {QSslError::CertificateRejected, QT_TRANSLATE_NOOP("SslErrorText", "The root CA certificate is marked to reject the specified purpose")},
    {QSslError::NoPeerCertificate, QT_TRANSLATE_NOOP("SslErrorText", "The peer did not present any certificate")},
    {QSslError::HostNameMismatch, QT_TRANSLATE_NOOP("SslErrorText", "The host name did not match any of the valid hosts for this certificate")},
    {QSslError::CertificateBlacklisted, QT_TRANSLATE_NOOP("SslErrorText", "The peer certificate is blacklisted")},
    {QSslError::OcspStatusUnknown, QT_TRANSLATE_NOOP("SslErrorText", "The certificate's status is unknown")},
    {QSslError::OcspResponseExpired, QT_TRANSLATE_NOOP("SslErrorText", "The certificate status response has expired")},
};
} // namespace

QString sslErrorText(const QSslError &error)
{
    for (const Text &t : Texts) {
        if (t.error == error.error())
            return QCoreApplication::translate("SslErrorText", t.text);
    }
    return error.errorString(); // rare ones (OCSP details, issuer/subject mismatch): Qt's English
}

} // namespace kurier::net
