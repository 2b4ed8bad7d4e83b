#include "accounts/SignInDialog.h"

#include "common/FormStyle.h"
#include "oauth/Endpoints.h"
#include "oauth/JwtClaims.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QPointer>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace kurier::ui {

SignInDialog::SignInDialog(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent,
                           oauth::TokenProvider *shared)
    : QDialog(parent)
    , m_account(account)
    , m_provider(shared ? shared : new oauth::TokenProvider(account, secrets, this))
    , m_heading(new QLabel(this))
    , m_text(new QLabel(this))
    , m_code(new QLabel(this))
    , m_copy(new QPushButton(tr("&Copy code"), this))
    , m_openAgain(new QPushButton(tr("&Open the browser again"), this))
    , m_countdown(new QLabel(this))
    , m_passwordLabel(new QLabel(tr("&Password for %1:").arg(account.pop3User()), this))
    , m_password(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_timer(new QTimer(this))
{
    setWindowTitle(tr("Sign in – %1").arg(account.prefix));
    setObjectName(QStringLiteral("signInDialog"));
    m_heading->setObjectName(QStringLiteral("heading"));
    m_text->setObjectName(QStringLiteral("text"));
    m_code->setObjectName(QStringLiteral("deviceCode"));
    m_copy->setObjectName(QStringLiteral("copyButton"));
    m_openAgain->setObjectName(QStringLiteral("openAgainButton"));
    m_password->setObjectName(QStringLiteral("password"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    m_heading->setFont(headingFont);
    m_heading->setWordWrap(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_text->setOpenExternalLinks(false);
    connect(m_text, &QLabel::linkActivated, this, [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    QFont codeFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    codeFont.setPointSizeF(codeFont.pointSizeF() * 2);
    codeFont.setBold(true);
    m_code->setFont(codeFont);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_code->setAlignment(Qt::AlignCenter);
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);
    m_buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    m_signIn->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_text);
    layout->addWidget(m_passwordLabel);
    layout->addWidget(m_password);
    layout->addWidget(m_code);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_copy);
    row->addWidget(m_openAgain);
    row->addStretch();
    layout->addLayout(row);
    layout->addWidget(m_countdown);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    for (QWidget *w : {static_cast<QWidget *>(m_code), static_cast<QWidget *>(m_copy), static_cast<QWidget *>(m_openAgain),
                       static_cast<QWidget *>(m_countdown), static_cast<QWidget *>(m_passwordLabel),
                       static_cast<QWidget *>(m_password)})
        w->hide();

    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_code->text()); });
    connect(m_openAgain, &QPushButton::clicked, this, [this] { QDesktopServices::openUrl(m_url); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_provider)
            m_provider->cancel();
        reject();
    });
    connect(m_signIn, &QPushButton::clicked, this, [this] {
        if (!m_provider)
            return;
        m_provider->setSessionSecret(store::SecretName::Pop3Password, m_password->text());
        m_passwordLabel->hide();
        m_password->hide();
        m_signIn->hide();
        m_started = false;
        start();
    });
    connect(m_timer, &QTimer::timeout, this, &SignInDialog::updateCountdown);
    connect(m_provider.data(), &oauth::TokenProvider::browserSignInRequired, this, &SignInDialog::showBrowserStep);
    connect(m_provider.data(), &oauth::TokenProvider::deviceCodeSignInRequired, this, &SignInDialog::showDeviceStep);

    m_heading->setText(tr("Signing in to %1 …").arg(QUrl(account.oauth.tokenEndpoint).host()));
    m_text->setText(tr("Kurier asks the identity provider for a token for %1.").arg(account.pop3User().toHtmlEscaped()));

    // "Ask for the password each time" + password method: ask here, never store it.
    if (account.askForSecrets && account.oauth.method == oauth::SignInMethod::Password) {
        m_heading->setText(tr("Sign in to %1").arg(QUrl(account.oauth.tokenEndpoint).host()));
        m_text->setText(tr("This account does not keep its password. Enter it to sign in."));
        m_passwordLabel->show();
        m_password->show();
        m_signIn->show();
        m_signIn->setDefault(true);
        m_started = true; // wait for the password
    }
}

void SignInDialog::start()
{
    if (m_started || !m_provider)
        return;
    m_started = true;
    QPointer<SignInDialog> self(this);
    m_provider->requestToken([self](const oauth::TokenProvider::Result &result) {
        if (self)
            self->showResult(result);
    });
}

void SignInDialog::showBrowserStep(const QUrl &url)
{
    m_url = url;
    m_heading->setText(tr("Continue in your web browser"));
    m_text->setText(tr("Kurier has opened the sign-in page of %1 in your web browser. Sign in there; Kurier "
                       "continues by itself afterwards. If no browser opened, <a href=\"%2\">open the sign-in page</a>.")
                        .arg(url.host().toHtmlEscaped(), url.toString(QUrl::FullyEncoded).toHtmlEscaped()));
    m_openAgain->show();
    adjustSize();
    QDesktopServices::openUrl(url);
}

void SignInDialog::showDeviceStep(const oauth::DeviceCodePrompt &prompt)
{
    m_url = prompt.verificationUri;
    m_expiresAt = prompt.expiresAt;
    m_heading->setText(tr("Enter this code"));
    m_text->setText(tr("On any device, open <a href=\"%1\">%2</a> and enter the code below. Kurier continues by "
                       "itself once you have signed in there.")
                        .arg(prompt.verificationUri.toString(QUrl::FullyEncoded).toHtmlEscaped(),
                             prompt.verificationUri.toDisplayString().toHtmlEscaped()));
    m_code->setText(prompt.userCode);
    m_code->show();
    m_copy->show();
    m_countdown->show();
    updateCountdown();
    m_timer->start(1000);
    adjustSize();
}

void SignInDialog::updateCountdown()
{
    const qint64 seconds = std::max<qint64>(0, QDateTime::currentDateTimeUtc().secsTo(m_expiresAt));
    m_countdown->setText(tr("The code is valid for %1:%2 more minutes.")
                             .arg(seconds / 60)
                             .arg(seconds % 60, 2, 10, QLatin1Char('0')));
}

void SignInDialog::showResult(const oauth::TokenProvider::Result &result)
{
    m_timer->stop();
    for (QWidget *w : {static_cast<QWidget *>(m_code), static_cast<QWidget *>(m_copy), static_cast<QWidget *>(m_openAgain),
                       static_cast<QWidget *>(m_countdown)})
        w->hide();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    m_succeeded = result.ok();
    if (!result.ok()) {
        const auto &d = result.diagnostic;
        m_heading->setText(d.summary);
        QString html;
        if (!d.serverText.isEmpty())
            html += tr("<p><b>The server said:</b> %1</p>").arg(d.serverText.toHtmlEscaped());
        if (!d.cause.isEmpty())
            html += tr("<p><b>Cause:</b> %1</p>").arg(d.cause.toHtmlEscaped());
        if (!d.fix.isEmpty())
            html += tr("<p><b>What to do:</b> %1</p>").arg(d.fix.toHtmlEscaped());
        m_text->setText(html);
        setMessageStyle(m_heading, MessageKind::Error);
        adjustSize();
        emit finishedSignIn(false);
        return;
    }
    m_heading->setText(tr("Signed in"));
    QString html;
    const auto claims = oauth::JwtClaims::decode(result.token.accessToken);
    const QString user = claims && !claims->user.isEmpty() ? claims->user : m_account.pop3User();
    html += tr("<p>Kurier may now read and send mail as <b>%1</b>.</p>").arg(user.toHtmlEscaped());
    if (result.token.expiresAt.isValid())
        html += tr("<p>The access token is valid until %1 and is renewed automatically.</p>")
                    .arg(QLocale().toString(result.token.expiresAt.toLocalTime(), QLocale::ShortFormat));
    if (claims && oauth::isMicrosoftTokenEndpoint(m_account.oauth.tokenEndpoint) && !claims->audienceIsExchangeOnline())
        html += tr("<p><b>Warning:</b> the token is for %1, not Exchange Online; POP3 and SMTP will refuse it. "
                   "Use the scope https://outlook.office365.com/.default</p>")
                    .arg(claims->audience.toHtmlEscaped());
    if (claims && !claims->user.isEmpty() && claims->user.compare(m_account.pop3User(), Qt::CaseInsensitive) != 0)
        html += tr("<p><b>Warning:</b> you signed in as %1, but the account's user is %2.</p>")
                    .arg(claims->user.toHtmlEscaped(), m_account.pop3User().toHtmlEscaped());
    m_text->setText(html);
    adjustSize();
    emit finishedSignIn(true);
}

SignInDialog *SignInDialog::openFor(const store::Account &account, secrets::SecretStore *secrets, QWidget *parent,
                                    oauth::TokenProvider *shared)
{
    auto *dialog = new SignInDialog(account, secrets, parent, shared);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    QTimer::singleShot(0, dialog, &SignInDialog::start);
    return dialog;
}

} // namespace kurier::ui
