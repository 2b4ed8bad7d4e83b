#include "accounts/CertificateDialog.h"

#include "common/FormStyle.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace kurier::ui {

namespace {

QLabel *selectableLabel(const QString &text, const QString &objectName)
{
    auto *label = new QLabel(text);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText); // certificate fields come from the peer: never rich text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QString dateText(const QDateTime &when)
{
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::LongFormat) : QStringLiteral("—");
}

} // namespace

QString CertificateDialog::groupedFingerprint(const QByteArray &hex, int bytesPerLine)
{
    const QString upper = QString::fromLatin1(hex).toUpper();
    QString out;
    for (qsizetype i = 0; i + 1 < upper.size(); i += 2) {
        if (i > 0)
            out += (i / 2) % bytesPerLine == 0 ? QStringLiteral("\n") : QStringLiteral(":");
        out += upper.mid(i, 2);
    }
    return out;
}

CertificateDialog::CertificateDialog(const net::CertificateProblem &problem, const QString &host,
                                     const QString &accountLabel, QWidget *parent)
    : QDialog(parent)
    , m_problem(problem)
    , m_fingerprint(selectableLabel(groupedFingerprint(problem.sha256), QStringLiteral("certificateFingerprint")))
    , m_trust(new QPushButton(tr("Trust this certificate for this account")))
    , m_cancel(new QPushButton(tr("Cancel")))
{
    setObjectName(QStringLiteral("certificateDialog"));
    setWindowTitle(tr("Certificate not trusted"));

    auto *icon = new QLabel;
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    auto *heading = new QLabel(tr("The server %1 presented a certificate that could not be verified.").arg(host));
    heading->setObjectName(QStringLiteral("certificateHeading"));
    heading->setTextFormat(Qt::PlainText);
    heading->setWordWrap(true);
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto *account = selectableLabel(tr("Account: %1").arg(accountLabel), QStringLiteral("certificateAccount"));

    QStringList errorLines;
    for (const QString &e : problem.errors)
        errorLines << QStringLiteral("• ") + e;
    auto *errors = selectableLabel(errorLines.join(u'\n'), QStringLiteral("certificateErrors"));
    setMessageStyle(errors, MessageKind::Error);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Issued to:"), selectableLabel(problem.subject, QStringLiteral("certificateSubject")));
    form->addRow(tr("Issued by:"), selectableLabel(problem.issuer, QStringLiteral("certificateIssuer")));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto *from = selectableLabel(dateText(problem.validFrom), QStringLiteral("certificateValidFrom"));
    auto *until = selectableLabel(dateText(problem.validUntil), QStringLiteral("certificateValidUntil"));
    if (problem.validFrom.isValid() && problem.validFrom > now) {
        from->setText(from->text() + QStringLiteral("  ") + tr("(not yet valid)"));
        setMessageStyle(from, MessageKind::Error);
    }
    if (problem.validUntil.isValid() && problem.validUntil < now) {
        until->setText(until->text() + QStringLiteral("  ") + tr("(expired)"));
        setMessageStyle(until, MessageKind::Error);
    }
    form->addRow(tr("Valid from:"), from);
    form->addRow(tr("Valid until:"), until);
    m_fingerprint->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fingerprint->setWordWrap(false);
    form->addRow(tr("SHA-256 fingerprint:"), m_fingerprint);

    auto *advice = new QLabel(tr("Someone may be intercepting the connection. Trust this certificate only if you have "
                                 "compared the fingerprint with the one your provider or administrator gave you. "
                                 "Kurier then accepts exactly this certificate, for this account only; a different "
                                 "certificate will be checked again."));
    advice->setObjectName(QStringLiteral("certificateAdvice"));
    advice->setWordWrap(true);

    m_trust->setObjectName(QStringLiteral("certificateTrustButton"));
    m_trust->setAutoDefault(false);
    m_cancel->setObjectName(QStringLiteral("certificateCancelButton"));
    m_cancel->setDefault(true); // the safe answer is what Enter does
    auto *buttons = new QDialogButtonBox;
    buttons->addButton(m_trust, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon, 0, Qt::AlignTop);
    auto *topText = new QVBoxLayout;
    topText->addWidget(heading);
    topText->addWidget(account);
    topText->addWidget(errors);
    top->addLayout(topText, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(advice);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(560);
    m_cancel->setFocus();
}

QString CertificateDialog::fingerprintText() const
{
    return m_fingerprint->text();
}

} // namespace kurier::ui
