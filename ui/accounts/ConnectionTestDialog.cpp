#include "accounts/ConnectionTestDialog.h"

#include "accounts/CertificateDialog.h"
#include "check/ConnectionTest.h"
#include "common/StatusIcon.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QMetaEnum>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace kurier::ui {

using check::ConnectionStep;
using Id = ConnectionStep::Id;
using Status = ConnectionStep::Status;

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QString problemHtml(const ConnectionStep &step)
{
    const diagnostics::Diagnostic &d = step.diagnostic;
    QString html = QStringLiteral("<b>%1</b>").arg(escaped(d.summary));
    auto line = [&html](const QString &label, const QString &text) {
        if (!text.isEmpty())
            html += QStringLiteral("<br><b>%1</b> %2").arg(escaped(label), escaped(text));
    };
    const net::CertificateProblem &c = step.certificate;
    if (c.isEmpty()) {
        line(ConnectionTestDialog::tr("Server:"), d.serverText);
        line(ConnectionTestDialog::tr("Cause:"), d.cause);
    } else {
        // The diagnostic's texts repeat the certificate in one line; here it gets a line per field.
        line(ConnectionTestDialog::tr("Cause:"), c.errors.join(QStringLiteral("; ")));
        const QLocale locale;
        line(ConnectionTestDialog::tr("Subject:"), c.subject);
        line(ConnectionTestDialog::tr("Issuer:"), c.issuer);
        line(ConnectionTestDialog::tr("Valid:"),
             ConnectionTestDialog::tr("%1 to %2")
                 .arg(locale.toString(c.validFrom.toLocalTime(), QLocale::ShortFormat),
                      locale.toString(c.validUntil.toLocalTime(), QLocale::ShortFormat)));
        QString fingerprint;
        for (qsizetype i = 0; i < c.sha256.size(); i += 2) {
            if (i > 0)
                fingerprint += i == 32 ? QStringLiteral(":\n") : QStringLiteral(":");
            fingerprint += QString::fromLatin1(c.sha256.mid(i, 2).toUpper());
        }
        line(QStringLiteral("SHA-256:"), fingerprint);
    }
    line(ConnectionTestDialog::tr("What to do:"), d.fix);
    return html;
}

} // namespace

ConnectionTestDialog::ConnectionTestDialog(const store::Account &account, const store::SecretUpdate &typed,
                                           secrets::SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_account(account)
    , m_typed(typed)
    , m_secrets(secrets)
    , m_heading(new QLabel)
    , m_summary(new QLabel)
    , m_scroll(new QScrollArea)
    , m_list(new QWidget)
    , m_listLayout(new QVBoxLayout(m_list))
{
    setObjectName(QStringLiteral("connectionTestDialog"));
    setWindowTitle(tr("Test connection"));
    m_heading->setObjectName(QStringLiteral("connectionTestHeading"));
    m_heading->setWordWrap(true);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_summary->setObjectName(QStringLiteral("connectionTestSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_listLayout->setContentsMargins(4, 4, 4, 4);
    m_listLayout->setSpacing(8);
    m_scroll->setObjectName(QStringLiteral("connectionTestSteps"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_list);
    m_scroll->setFrameShape(QFrame::StyledPanel);

    auto *buttons = new QDialogButtonBox;
    m_copy = buttons->addButton(tr("Copy &details"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(QStringLiteral("connectionTestCopy"));
    m_retest = buttons->addButton(tr("Test &again"), QDialogButtonBox::ActionRole);
    m_retest->setObjectName(QStringLiteral("connectionTestAgain"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("connectionTestClose"));
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(reportText()); });
    connect(m_retest, &QPushButton::clicked, this, &ConnectionTestDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(buttons);
    // Stopping a running test when the dialog closes: nothing must go on in the background.
    connect(this, &QDialog::finished, this, [this] {
        if (m_test && m_test->isRunning())
            m_test->cancel();
    });
    resize(760, 720);
}

ConnectionTestDialog *ConnectionTestDialog::openForUnsaved(const store::Account &account, const store::SecretUpdate &typed,
                                                           secrets::SecretStore *secrets, QWidget *parent,
                                                           std::function<store::Account(const QByteArray &)> trusted)
{
    auto *dialog = new ConnectionTestDialog(account, typed, secrets, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionTestDialog::certificateTrusted, dialog, [dialog, trusted](const QByteArray &sha256) {
        dialog->setAccount(trusted(sha256));
        dialog->start();
    });
    dialog->open();
    QTimer::singleShot(0, dialog, &ConnectionTestDialog::start);
    return dialog;
}

ConnectionTestDialog::~ConnectionTestDialog() = default;

bool ConnectionTestDialog::isRunning() const
{
    return m_test && m_test->isRunning();
}

QWidget *ConnectionTestDialog::row(Id id) const
{
    return m_rows.value(id).widget;
}

QPushButton *ConnectionTestDialog::certificateButton(Id id) const
{
    return m_rows.value(id).certificate;
}

QString ConnectionTestDialog::reportText() const
{
    QStringList lines{m_heading->text(), m_summary->text()};
    if (m_test) {
        for (const ConnectionStep &s : m_test->steps())
            lines << s.toText();
    }
    return lines.join(u'\n');
}

void ConnectionTestDialog::start()
{
    if (m_test) {
        m_test->disconnect(this);
        m_test->cancel();
        m_test->deleteLater();
    }
    const QString who = m_account.prefix.isEmpty() ? m_account.email : m_account.prefix + QStringLiteral(" · ") + m_account.email;
    m_heading->setText(tr("Connection test for %1").arg(who));
    m_summary->setText(tr("Testing … nothing is fetched, deleted or sent."));
    m_summary->setStyleSheet(QString());
    m_test = new check::ConnectionTest(m_account, m_secrets, this);
    m_test->setTypedSecrets(m_typed);
    if (m_setup)
        m_setup(m_test);
    connect(m_test, &check::ConnectionTest::stepStarted, this, &ConnectionTestDialog::render);
    connect(m_test, &check::ConnectionTest::stepFinished, this, &ConnectionTestDialog::render);
    connect(m_test, &check::ConnectionTest::finished, this, &ConnectionTestDialog::onFinished);
    connect(m_test, &check::ConnectionTest::browserSignInRequired, this, [this](const QUrl &url) {
        QDesktopServices::openUrl(url);
        Row &r = m_rows[Id::Token];
        if (r.detail) {
            r.detail->setText(tr("Waiting for the sign-in in the browser (%1) …").arg(url.host()));
            r.detail->show();
        }
    });
    connect(m_test, &check::ConnectionTest::deviceCodeSignInRequired, this, [this](const oauth::DeviceCodePrompt &p) {
        Row &r = m_rows[Id::Token];
        if (r.detail) {
            r.detail->setText(tr("Sign in at %1 with the code %2 …").arg(p.verificationUri.toString(), p.userCode));
            r.detail->show();
        }
    });
    m_showedFailure = false;
    buildRows();
    m_retest->setEnabled(false);
    m_test->start();
}

void ConnectionTestDialog::buildRows()
{
    qDeleteAll(m_list->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly));
    while (QLayoutItem *item = m_listLayout->takeAt(0))
        delete item;
    m_rows.clear();
    for (const ConnectionStep &step : m_test->steps()) {
        Row r;
        r.widget = new QWidget;
        r.widget->setObjectName(QStringLiteral("step_%1").arg(QString::fromLatin1(QMetaEnum::fromType<Id>().valueToKey(int(step.id)))));
        auto *grid = new QGridLayout(r.widget);
        grid->setContentsMargins(0, 0, 0, 0);
        grid->setHorizontalSpacing(8);
        grid->setVerticalSpacing(2);
        r.icon = new QLabel;
        r.icon->setFixedSize(kStatusIconSize, kStatusIconSize);
        r.title = new QLabel(step.title);
        r.title->setWordWrap(true);
        r.detail = new QLabel;
        r.detail->setWordWrap(true);
        r.detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.detail->setStyleSheet(QStringLiteral("color: #5f6368;"));
        r.detail->hide();
        r.problem = new QLabel;
        r.problem->setObjectName(QStringLiteral("problem"));
        r.problem->setTextFormat(Qt::RichText); // built from escaped parts only
        r.problem->setWordWrap(true);
        r.problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
        r.problem->setStyleSheet(QStringLiteral("QLabel#problem { background: #fdecea; border: 1px solid #f5c2c0; "
                                                "border-radius: 3px; padding: 6px; color: #3b0d0c; }"));
        r.problem->hide();
        grid->addWidget(r.icon, 0, 0, Qt::AlignTop);
        grid->addWidget(r.title, 0, 1);
        grid->addWidget(r.detail, 1, 1);
        grid->addWidget(r.problem, 2, 1);
        grid->setColumnStretch(1, 1);
        if (step.id == Id::Pop3Tls || step.id == Id::SmtpTls) {
            r.certificate = new QPushButton(tr("Show &certificate…"));
            r.certificate->setObjectName(QStringLiteral("showCertificate"));
            r.certificate->hide();
            const Id id = step.id;
            connect(r.certificate, &QPushButton::clicked, this, [this, id] { showCertificate(id); });
            grid->addWidget(r.certificate, 3, 1, Qt::AlignLeft);
        }
        m_listLayout->addWidget(r.widget);
        m_rows.insert(step.id, r);
        render(step);
    }
    m_listLayout->addStretch(1);
}

void ConnectionTestDialog::render(const ConnectionStep &step)
{
    const auto it = m_rows.find(step.id);
    if (it == m_rows.end())
        return;
    Row &r = *it;
    r.icon->setPixmap(statusIcon(step.status, devicePixelRatioF()));
    r.icon->setToolTip(statusName(step.status));
    r.icon->setAccessibleName(statusName(step.status));
    QString title = step.title.toHtmlEscaped();
    if (step.status == Status::Failed || step.status == Status::Running)
        title = QStringLiteral("<b>%1</b>").arg(title);
    if (step.status == Status::Pending || step.status == Status::Skipped)
        title = QStringLiteral("<span style=\"color: gray\">%1</span>").arg(title);
    r.title->setText(title);
    r.detail->setText(step.detail);
    r.detail->setVisible(!step.detail.isEmpty());
    const bool showProblem = !step.diagnostic.isEmpty() && (step.status == Status::Failed || step.status == Status::Warning);
    r.problem->setText(showProblem ? problemHtml(step) : QString());
    r.problem->setVisible(showProblem);
    if (r.certificate)
        r.certificate->setVisible(step.status == Status::Failed && !step.certificate.isEmpty());
    if (step.status == Status::Failed && !m_showedFailure) {
        m_showedFailure = true; // the first failure stays in view; later ones are usually its echo
        m_scroll->ensureWidgetVisible(r.widget);
    }
}

void ConnectionTestDialog::onFinished(bool allPassed)
{
    m_retest->setEnabled(true);
    if (allPassed) {
        m_summary->setText(tr("All steps passed: Kurier can fetch and send mail with this account."));
        m_summary->setStyleSheet(QStringLiteral("color: #2e7d32; font-weight: bold;"));
    } else {
        const auto failure = m_test->firstFailure();
        m_summary->setText(tr("Failed at: %1. The step below says why and what to do.")
                               .arg(failure ? failure->title : QString()));
        m_summary->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
        // The first failure at the top of the list, once the rows have their final sizes.
        if (failure) {
            QPointer<QWidget> row = m_rows.value(failure->id).widget;
            QTimer::singleShot(0, this, [this, row] {
                if (row)
                    m_scroll->verticalScrollBar()->setValue(row->y() - m_listLayout->spacing());
            });
        }
    }
    emit testFinished(allPassed);
}

void ConnectionTestDialog::showCertificate(Id id)
{
    if (!m_test)
        return;
    const ConnectionStep step = m_test->step(id);
    if (step.certificate.isEmpty())
        return;
    const QString label = m_account.prefix.isEmpty() ? m_account.email : m_account.prefix + QStringLiteral(" · ") + m_account.email;
    auto *dialog = new CertificateDialog(step.certificate, step.certificate.host.isEmpty() ? step.host : step.certificate.host,
                                         label, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QByteArray sha256 = step.certificate.sha256;
    connect(dialog, &QDialog::finished, this, [this, sha256](int result) {
        // Accepted is the one positive answer: trust exactly this certificate for this account.
        if (result == QDialog::Accepted)
            emit certificateTrusted(sha256);
    });
    dialog->open();
}

} // namespace kurier::ui
