#pragma once

#include "net/TlsPolicy.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace kurier::ui {

// Shows a certificate that failed verification (net::CertificateProblem) so the user can decide:
// host and account, the errors in words, subject, issuer, validity (expired / not yet valid
// highlighted) and the SHA-256 fingerprint to compare with what the provider publishes.
// The only positive answer is "trust this certificate for this account" (Accepted): the caller
// pins exactly this SHA-256 to the one account. There is deliberately no "ignore errors" and
// nothing global. Cancel is the default button and Escape.
class CertificateDialog : public QDialog
{
    Q_OBJECT
public:
    CertificateDialog(const kurier::net::CertificateProblem &problem, const QString &host, const QString &accountLabel,
                      QWidget *parent = nullptr);

    [[nodiscard]] const net::CertificateProblem &problem() const { return m_problem; }
    // The fingerprint as shown: upper-case hex in colon-separated byte pairs, two lines.
    [[nodiscard]] QString fingerprintText() const;
    [[nodiscard]] QPushButton *trustButton() const { return m_trust; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

    // "AB:CD:…" in lines of `bytesPerLine` bytes.
    [[nodiscard]] static QString groupedFingerprint(const QByteArray &hex, int bytesPerLine = 16);

private:
    net::CertificateProblem m_problem;
    QLabel *m_fingerprint;
    QPushButton *m_trust;
    QPushButton *m_cancel;
};

} // namespace kurier::ui
