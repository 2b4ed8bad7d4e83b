#include "accounts/AccountDialog.h"

#include "accounts/ConnectionTestDialog.h"
#include "common/FormStyle.h"
#include "accounts/TenantDialog.h"
#include "oauth/Endpoints.h"
#include "oauth/SignInMethod.h"
#include "store/AccountManager.h"
#include "store/Security.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QPlainTextEdit>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace kurier::ui {

using store::AccountField;
using store::Security;

namespace {

// The fields in the order they appear in the form: the first bad one gets the focus.
constexpr AccountField kFieldOrder[] = {
    AccountField::Prefix,
    AccountField::Email,
    AccountField::SenderName,
    AccountField::Signature,
    AccountField::Pop3Host,
    AccountField::Pop3Port,
    AccountField::Pop3User,
    AccountField::Pop3Password,
    AccountField::OAuthTokenEndpoint,
    AccountField::OAuthClientId,
    AccountField::OAuthClientSecret,
    AccountField::OAuthScope,
    AccountField::OAuthMethod,
    AccountField::OAuthAuthorizationEndpoint,
    AccountField::Pop3Security,
    AccountField::SmtpHost,
    AccountField::SmtpPort,
    AccountField::SmtpSecurity,
    AccountField::SmtpUser,
    AccountField::SmtpPassword,
    AccountField::ExtraCaFile,
};
static_assert(std::size(kFieldOrder) == std::size_t(AccountField::ExtraCaFile) + 1, "every field (ExtraCaFile is the last)");

// A date edit has no empty state; its minimum date stands for "not set".
const QDate kNoDate(2000, 1, 1);

QComboBox *makeSecurityCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    for (Security s : {Security::Tls, Security::StartTls, Security::None})
        combo->addItem(store::securityDisplayName(s), int(s));
    return combo;
}

Security comboSecurity(const QComboBox *combo)
{
    return Security(combo->currentData().toInt());
}

void selectData(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

QLineEdit *makePortEdit(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    // Digits only; the range is the validator's business, so 0 or 70000 can be typed and explained.
    edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,5}")), edit));
    edit->setMaximumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("000000")) + 24);
    return edit;
}

// 0 = default for the security mode (an untouched or empty field); -1 = a typed 0, which is invalid.
int portFromEdit(const QLineEdit *edit, bool touched)
{
    if (!touched || edit->text().trimmed().isEmpty())
        return 0;
    const int port = edit->text().trimmed().toInt();
    return port == 0 ? -1 : port;
}

QLineEdit *makePasswordEdit(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    return edit;
}

} // namespace

AccountDialog::AccountDialog(store::AccountManager *accounts, QWidget *parent)
    : AccountDialog(accounts, store::Account(), parent)
{
}

AccountDialog::AccountDialog(store::AccountManager *accounts, const store::Account &account, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_base(account)
{
    setObjectName(QStringLiteral("accountDialog"));
    buildUi();
    wireLiveValidation();
    populate(m_base);
    sizeToContent();
    // Editing: everything stored is shown as the user left it, so errors may show at once.
    if (!isNewAccount())
        m_showAllErrors = true;
    validateNow();
    m_prefix->setFocus();
}

AccountDialog::~AccountDialog()
{
    // ~QDialog hides the window, which moves the focus and makes a line edit emit
    // editingFinished; by then this class's members are gone.
    const auto children = findChildren<QWidget *>();
    for (QWidget *child : children)
        child->disconnect(this);
}

// ---------------------------------------------------------------------------------------------
// Building the form

void AccountDialog::buildUi()
{
    setWindowTitle(isNewAccount() ? tr("New account") : tr("Edit account %1").arg(m_base.prefix));
    setSizeGripEnabled(true);

    // Top bar as in the guide's form: Speichern, Abbrechen; the presets at the other end.
    m_saveButton = new QPushButton(tr("&Save"), this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setDefault(true);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_presetButton = new QPushButton(tr("&Template"), this);
    m_presetButton->setObjectName(QStringLiteral("presetButton"));
    m_presetButton->setToolTip(tr("Fill in the server and OAuth 2.0 settings of a known provider."));
    auto *presetMenu = new QMenu(m_presetButton);
    QAction *m365 = presetMenu->addAction(tr("Microsoft 365 / Outlook…"));
    m365->setObjectName(QStringLiteral("presetMicrosoft365"));
    QAction *gmail = presetMenu->addAction(tr("Gmail"));
    gmail->setObjectName(QStringLiteral("presetGmail"));
    m_presetButton->setMenu(presetMenu);
    connect(m365, &QAction::triggered, this, &AccountDialog::askForMicrosoftTenant);
    connect(gmail, &QAction::triggered, this, &AccountDialog::applyGmail);
    connect(m_saveButton, &QPushButton::clicked, this, &AccountDialog::save);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    m_testButton = new QPushButton(tr("Test &connection…"), this);
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testButton->setToolTip(tr("Test the values in this form step by step, before saving"));
    connect(m_testButton, &QPushButton::clicked, this, &AccountDialog::testConnection);

    auto *topBar = new QHBoxLayout;
    topBar->addWidget(m_saveButton);
    topBar->addWidget(m_cancelButton);
    topBar->addStretch();
    topBar->addWidget(m_testButton);
    topBar->addWidget(m_presetButton);

    // Failures of the save itself (keychain, settings file) with what the user can do.
    m_banner = new QFrame(this);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setStyleSheet(QStringLiteral(
        "QFrame#errorBanner { background: #fdecea; border: 1px solid #e6a19b; border-radius: 4px; }"
        "QFrame#errorBanner QLabel { color: #7d1a12; }"));
    m_bannerText = new QLabel(m_banner);
    m_bannerText->setObjectName(QStringLiteral("errorBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_askEachTimeButton = new QPushButton(tr("Ask for the password each time"), m_banner);
    m_askEachTimeButton->setObjectName(QStringLiteral("askEachTimeButton"));
    m_askEachTimeButton->setToolTip(tr("Save the account without passwords; Kurier asks for them when it "
                                       "connects. Nothing secret is written to a file."));
    auto *bannerLayout = new QVBoxLayout(m_banner);
    bannerLayout->addWidget(m_bannerText);
    auto *bannerButtons = new QHBoxLayout;
    bannerButtons->addStretch();
    bannerButtons->addWidget(m_askEachTimeButton);
    bannerLayout->addLayout(bannerButtons);
    m_banner->hide();
    connect(m_askEachTimeButton, &QPushButton::clicked, this, &AccountDialog::chooseAskEachTime);

    // The sections, scrollable: with OAuth on the form is taller than a laptop screen.
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("formContent"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 6, 0);
    contentLayout->addWidget(buildAccountSection());
    contentLayout->addWidget(buildPop3Section());
    contentLayout->addWidget(buildSmtpSection());
    contentLayout->addWidget(buildAdvancedSection());
    contentLayout->addStretch();

    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("formScrollArea"));
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(topBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_scroll, 1);

    alignLabelColumns();
    setTabOrderFromForm();

}

void AccountDialog::sizeToContent()
{
    // As wide as the form needs (longest German label + a field for a URL), as tall as the
    // form as populated, limited to the screen. Layouts must be active to know their sizes.
    QWidget *content = m_scroll->widget();
    // Before the first show the content's layout still has the sections' sizes cached from before
    // populate() hid rows (OAuth, SMTP user); tell it they changed.
    const auto sections = content->findChildren<QGroupBox *>(Qt::FindDirectChildrenOnly);
    for (QGroupBox *section : sections)
        section->updateGeometry();
    content->layout()->activate();
    layout()->activate();
    const QMargins margins = layout()->contentsMargins();
    const int width = std::max(640, content->minimumSizeHint().width())
        + m_scroll->verticalScrollBar()->sizeHint().width() + margins.left() + margins.right() + 2;
    int height = content->sizeHint().height() + m_saveButton->sizeHint().height() + layout()->spacing()
        + margins.top() + margins.bottom() + 2;
    if (const QScreen *s = screen())
        height = std::min(height, s->availableGeometry().height() * 9 / 10);
    setMinimumWidth(width);
    resize(width, height);
}

QGroupBox *AccountDialog::buildAccountSection()
{
    m_accountBox = new QGroupBox(isNewAccount() ? tr("New account") : tr("Edit account"));
    m_accountBox->setObjectName(QStringLiteral("accountSection"));
    makeSectionTitleBold(m_accountBox);
    auto *form = new QFormLayout(m_accountBox);

    m_prefix = new QLineEdit;
    m_prefix->setPlaceholderText(tr("e.g. INFO (up to 10 letters)"));
    m_prefix->setToolTip(tr("A short, unique name for the account: 1 to 10 letters, digits, - or _."));
    addFieldRow(form, AccountField::Prefix, tr("&Prefix"), m_prefix);

    m_email = new QLineEdit;
    m_email->setPlaceholderText(tr("name@example.com"));
    addFieldRow(form, AccountField::Email, tr("&Email address"), m_email);

    m_senderName = new QLineEdit;
    m_senderName->setPlaceholderText(tr("Shown to recipients, e.g. Erika Mustermann"));
    addFieldRow(form, AccountField::SenderName, tr("&Name"), m_senderName);

    m_default = new QCheckBox(tr("Use this account by default"));
    m_default->setObjectName(QStringLiteral("isDefault"));
    QLabel *defaultLabel = nullptr;
    addPlainRow(form, tr("Defa&ult"), m_default, &defaultLabel);
    defaultLabel->setBuddy(m_default);

    // After the guide's fields: the signature, a few lines high (it scrolls when longer).
    m_signature = new QPlainTextEdit;
    m_signature->setPlaceholderText(tr("Put under every new message, reply and forward, e.g.\nErika Mustermann · Vertrieb\nTel. +49 421 123456"));
    m_signature->setTabChangesFocus(true); // a form: Tab goes to the next field
    m_signature->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_signature->setFixedHeight(m_signature->fontMetrics().lineSpacing() * 4 + 2 * m_signature->frameWidth() + 8);
    addFieldRow(form, AccountField::Signature, tr("Si&gnature"), m_signature);
    return m_accountBox;
}

QGroupBox *AccountDialog::buildPop3Section()
{
    auto *box = new QGroupBox(tr("POP server configuration"));
    box->setObjectName(QStringLiteral("pop3Section"));
    makeSectionTitleBold(box);
    m_pop3Form = new QFormLayout(box);
    QFormLayout *form = m_pop3Form;

    m_pop3Host = new QLineEdit;
    m_pop3Host->setPlaceholderText(tr("e.g. pop.example.com"));
    addFieldRow(form, AccountField::Pop3Host, tr("POP3 serve&r"), m_pop3Host);

    m_pop3Port = makePortEdit(nullptr);
    addFieldRow(form, AccountField::Pop3Port, tr("POP3 port (default: %1)").arg(110), m_pop3Port);

    m_pop3User = new QLineEdit;
    addFieldRow(form, AccountField::Pop3User, tr("User name"), m_pop3User);

    m_pop3Password = makePasswordEdit(nullptr);
    addFieldRow(form, AccountField::Pop3Password, tr("Password"), m_pop3Password);

    m_oauthEnabled = new QCheckBox(tr("Enable &OAuth 2.0"));
    m_oauthEnabled->setObjectName(QStringLiteral("oauthEnabled"));
    m_oauthEnabled->setToolTip(tr("Needed for Microsoft 365, Outlook and Gmail: Kurier signs in with a token "
                                  "from the provider instead of sending the password to the mail server."));
    addPlainRow(form, QString(), m_oauthEnabled);

    m_oauthTokenEndpoint = new QLineEdit;
    m_oauthTokenEndpoint->setPlaceholderText(tr("https://login.microsoftonline.com/{tenant ID}/oauth2/v2.0/token"));
    m_oauthTokenEndpoint->setToolTip(tr("The provider's token endpoint. Microsoft: replace {tenant ID} with the "
                                        "ID from Microsoft Entra ID → Overview."));
    addFieldRow(form, AccountField::OAuthTokenEndpoint, tr("OAuth 2.0 endpoint URL"), m_oauthTokenEndpoint);

    m_oauthClientId = new QLineEdit;
    m_oauthClientId->setPlaceholderText(tr("Application (client) ID"));
    m_oauthClientId->setToolTip(tr("Microsoft Entra ID → App registrations → your app → Overview → "
                                   "Application (client) ID."));
    addFieldRow(form, AccountField::OAuthClientId, tr("OAuth 2.0 client ID"), m_oauthClientId);

    m_oauthClientSecret = makePasswordEdit(nullptr);
    m_oauthClientSecret->setToolTip(tr("Only for confidential clients: the \"Value\" of a client secret under "
                                       "Certificates & secrets (not its ID). Leave empty for a public client."));
    addFieldRow(form, AccountField::OAuthClientSecret, tr("OAuth 2.0 client secret"), m_oauthClientSecret);

    m_oauthSecretValidUntil = new QDateEdit;
    m_oauthSecretValidUntil->setObjectName(QStringLiteral("oauthClientSecretValidUntil"));
    m_oauthSecretValidUntil->setCalendarPopup(true);
    QString dateFormat = locale().dateFormat(QLocale::ShortFormat);
    if (!dateFormat.contains(QStringLiteral("yyyy")))
        dateFormat.replace(QStringLiteral("yy"), QStringLiteral("yyyy"));
    m_oauthSecretValidUntil->setDisplayFormat(dateFormat);
    m_oauthSecretValidUntil->setMinimumDate(kNoDate);
    m_oauthSecretValidUntil->setSpecialValueText(tr("not set"));
    m_oauthSecretValidUntil->setDate(kNoDate);
    m_oauthSecretValidUntil->setToolTip(tr("Optional: when the client secret expires (Entra ID: after 24 months at most), "
                                                 "so that you can renew it in time."));
    m_oauthSecretValidUntilRow = m_oauthSecretValidUntil;
    addPlainRow(form, tr("Client secret valid until"), m_oauthSecretValidUntil);

    m_oauthScope = new QLineEdit;
    m_oauthScope->setPlaceholderText(QStringLiteral("https://outlook.office365.com/.default"));
    addFieldRow(form, AccountField::OAuthScope, tr("OAuth 2.0 scope"), m_oauthScope);

    m_oauthMethod = new QComboBox;
    for (oauth::SignInMethod m : {oauth::SignInMethod::Password, oauth::SignInMethod::Browser,
                                  oauth::SignInMethod::DeviceCode, oauth::SignInMethod::ClientCredentials})
        m_oauthMethod->addItem(oauth::signInMethodDisplayName(m), int(m));
    m_oauthMethod->setToolTip(tr("User name and password fails when multi-factor authentication or Security "
                                 "Defaults apply; sign-in with the browser or a device code works then."));
    addFieldRow(form, AccountField::OAuthMethod, tr("Sign-in method"), m_oauthMethod);

    m_oauthAuthorizationEndpoint = new QLineEdit;
    m_oauthAuthorizationEndpoint->setPlaceholderText(tr("https://…/authorize"));
    addFieldRow(form, AccountField::OAuthAuthorizationEndpoint, tr("Sign-in endpoint URL"),
                m_oauthAuthorizationEndpoint);

    m_pop3Security = makeSecurityCombo(nullptr);
    addFieldRow(form, AccountField::Pop3Security, tr("Secure connection"), m_pop3Security);

    m_pop3AcceptUnencrypted = new QCheckBox(tr("Connect without encryption anyway"));
    m_pop3AcceptUnencrypted->setObjectName(QStringLiteral("pop3AcceptUnencrypted"));
    addPlainRow(form, QString(), m_pop3AcceptUnencrypted);

    m_leaveOnServer = new QComboBox;
    m_leaveOnServer->setObjectName(QStringLiteral("pop3LeaveOnServer"));
    m_leaveOnServer->addItem(tr("Keep them"), int(store::LeaveOnServer::Keep));
    m_leaveOnServer->addItem(tr("Delete after"), int(store::LeaveOnServer::DeleteAfterDays));
    m_leaveOnServer->addItem(tr("Delete after download"), int(store::LeaveOnServer::DeleteAfterDownload));
    m_deleteAfterDays = new QSpinBox;
    m_deleteAfterDays->setObjectName(QStringLiteral("pop3DeleteAfterDays"));
    m_deleteAfterDays->setRange(1, 3650);
    m_deleteAfterDaysSuffix = new QLabel(tr("days"));
    m_leaveOnServerRow = new QWidget;
    auto *leaveLayout = new QHBoxLayout(m_leaveOnServerRow);
    leaveLayout->setContentsMargins(0, 0, 0, 0);
    leaveLayout->addWidget(m_leaveOnServer);
    leaveLayout->addWidget(m_deleteAfterDays);
    leaveLayout->addWidget(m_deleteAfterDaysSuffix);
    leaveLayout->addStretch();
    QLabel *leaveLabel = nullptr;
    addPlainRow(form, tr("Messages on the server"), m_leaveOnServerRow, &leaveLabel);
    leaveLabel->setBuddy(m_leaveOnServer);

    m_deleteWhenDeletedLocally = new QCheckBox(tr("Delete on the server when deleted in Kurier"));
    m_deleteWhenDeletedLocally->setObjectName(QStringLiteral("pop3DeleteWhenDeletedLocally"));
    m_deleteWhenDeletedLocally->setToolTip(tr("A message you delete (move to the Trash) is deleted on the server at the next fetch."));
    addPlainRow(form, QString(), m_deleteWhenDeletedLocally);

    m_fetchInterval = new QSpinBox;
    m_fetchInterval->setObjectName(QStringLiteral("pop3FetchInterval"));
    m_fetchInterval->setRange(0, 24 * 60);
    m_fetchInterval->setSpecialValueText(tr("only when asked"));
    m_fetchInterval->setSuffix(tr(" min"));
    m_fetchInterval->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_fetchInterval->setToolTip(tr("While Kurier is open it fetches this account's mail every so many minutes; 0: only on Fetch Mail."));
    QLabel *intervalLabel = nullptr;
    addPlainRow(form, tr("Fetch automatically every"), m_fetchInterval, &intervalLabel);
    intervalLabel->setBuddy(m_fetchInterval);
    return box;
}

QGroupBox *AccountDialog::buildSmtpSection()
{
    auto *box = new QGroupBox(tr("SMTP server configuration"));
    box->setObjectName(QStringLiteral("smtpSection"));
    makeSectionTitleBold(box);
    m_smtpForm = new QFormLayout(box);
    QFormLayout *form = m_smtpForm;

    m_smtpHost = new QLineEdit;
    m_smtpHost->setPlaceholderText(tr("e.g. smtp.example.com"));
    addFieldRow(form, AccountField::SmtpHost, tr("S&MTP server"), m_smtpHost);

    m_smtpPort = makePortEdit(nullptr);
    addFieldRow(form, AccountField::SmtpPort, tr("SMTP port (default: %1)").arg(587), m_smtpPort);

    m_smtpSecurity = makeSecurityCombo(nullptr);
    addFieldRow(form, AccountField::SmtpSecurity, tr("Secure connection"), m_smtpSecurity);

    m_smtpAcceptUnencrypted = new QCheckBox(tr("Connect without encryption anyway"));
    m_smtpAcceptUnencrypted->setObjectName(QStringLiteral("smtpAcceptUnencrypted"));
    addPlainRow(form, QString(), m_smtpAcceptUnencrypted);

    m_smtpAuth = new QComboBox;
    m_smtpAuth->setObjectName(QStringLiteral("smtpAuth"));
    m_smtpAuth->addItem(tr("Same as for POP3"), int(store::SmtpAuth::SameAsPop3));
    m_smtpAuth->addItem(tr("Own user name and password"), int(store::SmtpAuth::Password));
    m_smtpAuth->addItem(tr("None"), int(store::SmtpAuth::None));
    QLabel *authLabel = nullptr;
    addPlainRow(form, tr("Authentication"), m_smtpAuth, &authLabel);
    authLabel->setBuddy(m_smtpAuth);

    m_smtpUser = new QLineEdit;
    addFieldRow(form, AccountField::SmtpUser, tr("SMTP user name"), m_smtpUser);

    m_smtpPassword = makePasswordEdit(nullptr);
    addFieldRow(form, AccountField::SmtpPassword, tr("SMTP password"), m_smtpPassword);
    return box;
}

QGroupBox *AccountDialog::buildAdvancedSection()
{
    auto *box = new QGroupBox(tr("Advanced"));
    box->setObjectName(QStringLiteral("advancedSection"));
    makeSectionTitleBold(box);
    auto *form = new QFormLayout(box);

    m_extraCaFile = new QLineEdit;
    m_extraCaFile->setPlaceholderText(tr("PEM file, e.g. for a company CA"));
    m_browseCaFile = new QPushButton(tr("Browse…"));
    m_browseCaFile->setObjectName(QStringLiteral("browseCaFile"));
    auto *caRow = new QWidget;
    auto *caLayout = new QHBoxLayout(caRow);
    caLayout->setContentsMargins(0, 0, 0, 0);
    caLayout->addWidget(m_extraCaFile, 1);
    caLayout->addWidget(m_browseCaFile);
    addFieldRow(form, AccountField::ExtraCaFile, tr("Extra trusted CA certificate"), m_extraCaFile, caRow);
    connect(m_browseCaFile, &QPushButton::clicked, this, [this] {
        auto *chooser = new QFileDialog(this, tr("Extra trusted CA certificate"), m_extraCaFile->text(),
                                        tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        chooser->setAttribute(Qt::WA_DeleteOnClose);
        chooser->setFileMode(QFileDialog::ExistingFile);
        connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) {
            m_extraCaFile->setText(file);
            markTouched(AccountField::ExtraCaFile);
        });
        chooser->open();
    });

    m_askForSecrets = new QCheckBox(tr("&Ask for passwords each time instead of storing them"));
    m_askForSecrets->setObjectName(QStringLiteral("askForSecrets"));
    m_askForSecrets->setToolTip(tr("For computers without a keychain: nothing secret is stored, Kurier asks "
                                   "when it connects."));
    addPlainRow(form, tr("Passwords"), m_askForSecrets);
    return box;
}

void AccountDialog::addFieldRow(QFormLayout *form, AccountField field, const QString &label, QWidget *editor,
                                QWidget *fieldWidget)
{
    static const QHash<AccountField, QString> names = {
        {AccountField::Prefix, QStringLiteral("prefix")},
        {AccountField::Email, QStringLiteral("email")},
        {AccountField::SenderName, QStringLiteral("senderName")},
        {AccountField::Signature, QStringLiteral("signature")},
        {AccountField::Pop3Host, QStringLiteral("pop3Host")},
        {AccountField::Pop3Port, QStringLiteral("pop3Port")},
        {AccountField::Pop3User, QStringLiteral("pop3User")},
        {AccountField::Pop3Password, QStringLiteral("pop3Password")},
        {AccountField::Pop3Security, QStringLiteral("pop3Security")},
        {AccountField::OAuthTokenEndpoint, QStringLiteral("oauthTokenEndpoint")},
        {AccountField::OAuthClientId, QStringLiteral("oauthClientId")},
        {AccountField::OAuthClientSecret, QStringLiteral("oauthClientSecret")},
        {AccountField::OAuthScope, QStringLiteral("oauthScope")},
        {AccountField::OAuthMethod, QStringLiteral("oauthMethod")},
        {AccountField::OAuthAuthorizationEndpoint, QStringLiteral("oauthAuthorizationEndpoint")},
        {AccountField::SmtpHost, QStringLiteral("smtpHost")},
        {AccountField::SmtpPort, QStringLiteral("smtpPort")},
        {AccountField::SmtpSecurity, QStringLiteral("smtpSecurity")},
        {AccountField::SmtpUser, QStringLiteral("smtpUser")},
        {AccountField::SmtpPassword, QStringLiteral("smtpPassword")},
        {AccountField::ExtraCaFile, QStringLiteral("extraCaFile")},
    };
    const QString name = names.value(field);
    editor->setObjectName(name);

    Field f;
    f.editor = editor;
    f.row = new QWidget;
    f.row->setObjectName(name + QStringLiteral("Row"));
    auto *rowLayout = new QVBoxLayout(f.row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->setSpacing(2);
    rowLayout->addWidget(fieldWidget ? fieldWidget : editor);

    auto *messageLine = new QHBoxLayout;
    messageLine->setContentsMargins(0, 0, 0, 0);
    f.message = new QLabel;
    f.message->setObjectName(name + QStringLiteral("Message"));
    f.message->setWordWrap(true);
    f.message->setTextFormat(Qt::PlainText);
    f.message->hide();
    f.fix = new QPushButton;
    f.fix->setObjectName(name + QStringLiteral("Fix"));
    f.fix->hide();
    f.fix->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    messageLine->addWidget(f.message, 1);
    messageLine->addWidget(f.fix, 0, Qt::AlignTop);
    rowLayout->addLayout(messageLine);
    connect(f.fix, &QPushButton::clicked, this, [this, field] { applyFix(field); });

    f.label = new QLabel(label);
    f.label->setObjectName(name + QStringLiteral("Label"));
    f.label->setBuddy(editor);
    m_formLabels.append(f.label);
    form->addRow(f.label, f.row);
    m_fields.insert(field, f);
}

void AccountDialog::addPlainRow(QFormLayout *form, const QString &label, QWidget *fieldWidget, QLabel **labelOut)
{
    auto *l = new QLabel(label);
    if (!fieldWidget->objectName().isEmpty())
        l->setObjectName(fieldWidget->objectName() + QStringLiteral("Label"));
    m_formLabels.append(l);
    form->addRow(l, fieldWidget);
    if (labelOut)
        *labelOut = l;
}

void AccountDialog::alignLabelColumns()
{
    // One label column width for all sections, so that the fields line up like one form.
    int width = 0;
    for (QLabel *l : std::as_const(m_formLabels))
        width = std::max(width, l->sizeHint().width());
    for (QLabel *l : std::as_const(m_formLabels))
        l->setMinimumWidth(width);
    // Room for a token endpoint URL up to the tenant ID; the rest scrolls inside the field.
    m_oauthTokenEndpoint->setMinimumWidth(
        fontMetrics().horizontalAdvance(QStringLiteral("https://login.microsoftonline.com/00000000-0000-")) + 16);
    // Choices are as wide as their longest entry, not as the form.
    for (QWidget *choice : std::initializer_list<QWidget *>{m_pop3Security, m_smtpSecurity, m_oauthMethod, m_smtpAuth,
                                                           m_oauthSecretValidUntil})
        choice->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

void AccountDialog::setTabOrderFromForm()
{
    const QList<QWidget *> chain = {
        m_prefix, m_email, m_senderName, m_default, m_signature,
        m_pop3Host, m_pop3Port, m_pop3User, m_pop3Password, m_oauthEnabled,
        m_oauthTokenEndpoint, m_oauthClientId, m_oauthClientSecret, m_oauthSecretValidUntil, m_oauthScope,
        m_oauthMethod, m_oauthAuthorizationEndpoint, m_pop3Security, m_pop3AcceptUnencrypted, m_leaveOnServer,
        m_deleteAfterDays, m_deleteWhenDeletedLocally, m_fetchInterval,
        m_smtpHost, m_smtpPort, m_smtpSecurity, m_smtpAcceptUnencrypted, m_smtpAuth, m_smtpUser, m_smtpPassword,
        m_extraCaFile, m_browseCaFile, m_askForSecrets,
    };
    // Each editor is followed by its fix button (hidden ones are skipped by Qt).
    QHash<QWidget *, QPushButton *> fixAfter;
    for (const Field &f : std::as_const(m_fields))
        fixAfter.insert(f.editor, f.fix);

    QWidget *previous = m_saveButton;
    auto append = [&previous](QWidget *w) {
        QWidget::setTabOrder(previous, w);
        previous = w;
    };
    append(m_cancelButton);
    append(m_testButton);
    append(m_presetButton);
    append(m_askEachTimeButton);
    for (QWidget *w : chain) {
        append(w);
        if (QPushButton *fix = fixAfter.value(w))
            append(fix);
    }
}

void AccountDialog::wireLiveValidation()
{
    auto onLineEdit = [this](QLineEdit *edit, AccountField field) {
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (!m_populating) {
                updateVisibility();
                validateNow();
            }
        });
        // Errors appear once the user leaves a field ("reward early, punish late").
        connect(edit, &QLineEdit::editingFinished, this, [this, field] { markTouched(field); });
    };
    onLineEdit(m_prefix, AccountField::Prefix);
    onLineEdit(m_email, AccountField::Email);
    onLineEdit(m_senderName, AccountField::SenderName);
    onLineEdit(m_pop3Host, AccountField::Pop3Host);
    onLineEdit(m_pop3Port, AccountField::Pop3Port);
    onLineEdit(m_pop3User, AccountField::Pop3User);
    onLineEdit(m_pop3Password, AccountField::Pop3Password);
    onLineEdit(m_oauthTokenEndpoint, AccountField::OAuthTokenEndpoint);
    onLineEdit(m_oauthClientId, AccountField::OAuthClientId);
    onLineEdit(m_oauthClientSecret, AccountField::OAuthClientSecret);
    onLineEdit(m_oauthScope, AccountField::OAuthScope);
    onLineEdit(m_oauthAuthorizationEndpoint, AccountField::OAuthAuthorizationEndpoint);
    onLineEdit(m_smtpHost, AccountField::SmtpHost);
    onLineEdit(m_smtpPort, AccountField::SmtpPort);
    onLineEdit(m_smtpUser, AccountField::SmtpUser);
    onLineEdit(m_smtpPassword, AccountField::SmtpPassword);
    onLineEdit(m_extraCaFile, AccountField::ExtraCaFile);
    connect(m_signature, &QPlainTextEdit::textChanged, this, [this] {
        if (m_populating)
            return;
        markTouched(AccountField::Signature); // validates; no "editing finished" here, and no half-typed state is wrong
    });

    // A typed port sticks; an emptied one follows the security choice again.
    connect(m_pop3Port, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_pop3PortTouched = !text.trimmed().isEmpty();
    });
    connect(m_smtpPort, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_smtpPortTouched = !text.trimmed().isEmpty();
    });
    connect(m_pop3Port, &QLineEdit::editingFinished, this, &AccountDialog::updatePortDefaults);
    connect(m_smtpPort, &QLineEdit::editingFinished, this, &AccountDialog::updatePortDefaults);

    auto onChoice = [this](AccountField field) {
        return [this, field] {
            if (m_populating)
                return;
            updatePortDefaults();
            updateVisibility();
            updatePasswordPlaceholders();
            markTouched(field);
        };
    };
    connect(m_pop3Security, &QComboBox::currentIndexChanged, this, onChoice(AccountField::Pop3Security));
    connect(m_smtpSecurity, &QComboBox::currentIndexChanged, this, onChoice(AccountField::SmtpSecurity));
    connect(m_oauthMethod, &QComboBox::currentIndexChanged, this, onChoice(AccountField::OAuthMethod));
    connect(m_smtpAuth, &QComboBox::currentIndexChanged, this, onChoice(AccountField::SmtpUser));
    connect(m_pop3AcceptUnencrypted, &QCheckBox::toggled, this, onChoice(AccountField::Pop3Security));
    connect(m_smtpAcceptUnencrypted, &QCheckBox::toggled, this, onChoice(AccountField::SmtpSecurity));
    connect(m_oauthEnabled, &QCheckBox::toggled, this, onChoice(AccountField::OAuthMethod));
    connect(m_askForSecrets, &QCheckBox::toggled, this, onChoice(AccountField::Pop3Password));
    connect(m_leaveOnServer, &QComboBox::currentIndexChanged, this, onChoice(AccountField::Pop3Host));
    connect(m_deleteAfterDays, &QSpinBox::valueChanged, this, onChoice(AccountField::Pop3Host));
    connect(m_default, &QCheckBox::toggled, this, [this] {
        if (!m_populating)
            validateNow();
    });
    connect(m_oauthSecretValidUntil, &QDateEdit::dateChanged, this, [this] {
        if (!m_populating)
            validateNow();
    });
    // The user name defaults to the address: say so while it is empty.
    connect(m_email, &QLineEdit::textChanged, this, &AccountDialog::updatePasswordPlaceholders);
}

// ---------------------------------------------------------------------------------------------
// Form <-> Account

void AccountDialog::populate(const store::Account &a)
{
    m_populating = true;
    m_prefix->setText(a.prefix);
    m_email->setText(a.email);
    m_senderName->setText(a.senderName);
    m_signature->setPlainText(a.signature);

    // The first account is always the default; the only account cannot stop being it.
    const QList<store::Account> &all = m_accounts->accounts();
    const bool othersExist = std::any_of(all.begin(), all.end(), [&a](const store::Account &o) { return o.id != a.id; });
    m_default->setChecked(a.isDefault || !othersExist);
    m_default->setEnabled(othersExist);
    m_default->setToolTip(othersExist ? QString() : tr("The first account is always the default account."));

    m_pop3Host->setText(a.pop3.host);
    m_pop3PortTouched = a.pop3.port != 0;
    m_pop3Port->setText(QString::number(a.pop3.effectivePort()));
    m_pop3User->setText(a.pop3.user);
    m_oauthEnabled->setChecked(a.oauth.enabled);
    m_oauthTokenEndpoint->setText(a.oauth.tokenEndpoint);
    m_oauthClientId->setText(a.oauth.clientId);
    m_oauthScope->setText(a.oauth.scope);
    selectData(m_oauthMethod, int(a.oauth.method));
    m_oauthAuthorizationEndpoint->setText(a.oauth.authorizationEndpoint);
    m_oauthSecretValidUntil->setDate(a.oauth.clientSecretValidUntil.isValid() ? a.oauth.clientSecretValidUntil : kNoDate);
    selectData(m_pop3Security, int(a.pop3.security));
    m_pop3AcceptUnencrypted->setChecked(a.pop3.acceptUnencrypted);
    m_deleteWhenDeletedLocally->setChecked(a.pop3.deleteWhenDeletedLocally);
    m_fetchInterval->setValue(a.pop3.fetchIntervalMinutes);
    selectData(m_leaveOnServer, int(a.pop3.leaveOnServer));
    m_deleteAfterDays->setValue(a.pop3.deleteAfterDays);

    m_smtpHost->setText(a.smtp.host);
    m_smtpPortTouched = a.smtp.port != 0;
    m_smtpPort->setText(QString::number(a.smtp.effectivePort()));
    selectData(m_smtpSecurity, int(a.smtp.security));
    m_smtpAcceptUnencrypted->setChecked(a.smtp.acceptUnencrypted);
    selectData(m_smtpAuth, int(a.smtp.auth));
    m_smtpUser->setText(a.smtp.user);

    m_extraCaFile->setText(a.extraCaFile);
    m_askForSecrets->setChecked(a.askForSecrets);
    // Long values (URLs, IDs, paths) show their beginning, not their end.
    for (QLineEdit *edit : {m_oauthTokenEndpoint, m_oauthClientId, m_oauthScope, m_oauthAuthorizationEndpoint,
                            m_extraCaFile, m_senderName, m_email})
        edit->setCursorPosition(0);
    m_populating = false;

    updatePortDefaults();
    updateVisibility();
    updatePasswordPlaceholders();
    validateNow();
}

store::Account AccountDialog::account() const
{
    store::Account a = m_base;
    a.prefix = m_prefix->text().trimmed();
    a.email = m_email->text().trimmed();
    a.senderName = m_senderName->text();
    a.signature = m_signature->toPlainText();
    a.isDefault = m_default->isChecked();

    a.pop3.host = m_pop3Host->text().trimmed();
    a.pop3.port = portFromEdit(m_pop3Port, m_pop3PortTouched);
    a.pop3.user = m_pop3User->text().trimmed();
    a.pop3.security = comboSecurity(m_pop3Security);
    a.pop3.acceptUnencrypted = a.pop3.security == Security::None && m_pop3AcceptUnencrypted->isChecked();
    a.pop3.leaveOnServer = store::LeaveOnServer(m_leaveOnServer->currentData().toInt());
    a.pop3.deleteAfterDays = m_deleteAfterDays->value();
    a.pop3.deleteWhenDeletedLocally = m_deleteWhenDeletedLocally->isChecked();
    a.pop3.fetchIntervalMinutes = m_fetchInterval->value();

    a.oauth.enabled = m_oauthEnabled->isChecked();
    a.oauth.tokenEndpoint = m_oauthTokenEndpoint->text().trimmed();
    a.oauth.clientId = m_oauthClientId->text().trimmed();
    a.oauth.scope = m_oauthScope->text().simplified();
    a.oauth.method = oauth::SignInMethod(m_oauthMethod->currentData().toInt());
    a.oauth.authorizationEndpoint = m_oauthAuthorizationEndpoint->text().trimmed();
    const QDate validUntil = m_oauthSecretValidUntil->date();
    a.oauth.clientSecretValidUntil = validUntil == kNoDate ? QDate() : validUntil;

    a.smtp.host = m_smtpHost->text().trimmed();
    a.smtp.port = portFromEdit(m_smtpPort, m_smtpPortTouched);
    a.smtp.security = comboSecurity(m_smtpSecurity);
    a.smtp.acceptUnencrypted = a.smtp.security == Security::None && m_smtpAcceptUnencrypted->isChecked();
    a.smtp.auth = store::SmtpAuth(m_smtpAuth->currentData().toInt());
    a.smtp.user = a.smtp.auth == store::SmtpAuth::Password ? m_smtpUser->text().trimmed() : QString();

    a.extraCaFile = m_extraCaFile->text().trimmed();
    a.askForSecrets = m_askForSecrets->isChecked();
    return a;
}

store::SecretUpdate AccountDialog::secretUpdate() const
{
    store::SecretUpdate update;
    // "Ask each time": nothing goes to the keychain.
    if (m_askForSecrets->isChecked())
        return update;
    const store::Account a = account();
    // Only what the user typed; an empty field keeps what is stored.
    const bool pop3PasswordUsed = !a.oauth.enabled || oauth::signInMethodNeedsUserPassword(a.oauth.method);
    if (pop3PasswordUsed && !m_pop3Password->text().isEmpty())
        update.set(store::SecretName::Pop3Password, m_pop3Password->text());
    if (a.oauth.enabled && !m_oauthClientSecret->text().isEmpty())
        update.set(store::SecretName::OAuthClientSecret, m_oauthClientSecret->text().trimmed());
    if (a.smtp.auth == store::SmtpAuth::Password && !m_smtpPassword->text().isEmpty())
        update.set(store::SecretName::SmtpPassword, m_smtpPassword->text());
    return update;
}

void AccountDialog::setTypedSecrets(const store::SecretUpdate &secrets)
{
    const std::pair<store::SecretName, QLineEdit *> fields[] = {
        {store::SecretName::Pop3Password, m_pop3Password},
        {store::SecretName::OAuthClientSecret, m_oauthClientSecret},
        {store::SecretName::SmtpPassword, m_smtpPassword},
    };
    for (const auto &[name, edit] : fields) {
        if (const auto value = secrets.value(name))
            edit->setText(*value);
    }
    updatePasswordPlaceholders();
    validateNow();
}

ConnectionTestDialog *AccountDialog::testConnection()
{
    // The typed secrets, also for "ask each time" accounts (they are used, never stored).
    store::SecretUpdate typed;
    const store::Account a = account();
    if (!m_pop3Password->text().isEmpty())
        typed.set(store::SecretName::Pop3Password, m_pop3Password->text());
    if (a.oauth.enabled && !m_oauthClientSecret->text().isEmpty())
        typed.set(store::SecretName::OAuthClientSecret, m_oauthClientSecret->text().trimmed());
    if (a.smtp.auth == store::SmtpAuth::Password && !m_smtpPassword->text().isEmpty())
        typed.set(store::SecretName::SmtpPassword, m_smtpPassword->text());
    // Pinned with the form: stored when the account is saved, used by the next test now.
    return ConnectionTestDialog::openForUnsaved(a, typed, m_accounts->secretStore(), this, [this](const QByteArray &sha256) {
        if (!m_base.trustedCertificates.contains(sha256))
            m_base.trustedCertificates.append(sha256);
        return account();
    });
}

QList<store::ValidationIssue> AccountDialog::currentIssues() const
{
    return store::AccountValidator::validate(account(), secretUpdate(), m_accounts->accounts());
}

// ---------------------------------------------------------------------------------------------
// Dynamic parts of the form

void AccountDialog::updatePortDefaults()
{
    const Security pop3 = comboSecurity(m_pop3Security);
    const Security smtp = comboSecurity(m_smtpSecurity);
    const int pop3Default = store::defaultPop3Port(pop3);
    const int smtpDefault = store::defaultSmtpPort(smtp);
    // The guide's "POP3 Port (Standard: 110)", with the default of the chosen security.
    m_fields[AccountField::Pop3Port].label->setText(tr("POP3 port (default: %1)").arg(pop3Default));
    m_fields[AccountField::SmtpPort].label->setText(tr("SMTP port (default: %1)").arg(smtpDefault));
    m_pop3Port->setPlaceholderText(QString::number(pop3Default));
    m_smtpPort->setPlaceholderText(QString::number(smtpDefault));
    // Until the user types a port, the field shows (and the account uses) the default.
    const bool wasPopulating = m_populating;
    m_populating = true;
    if (!m_pop3PortTouched && !m_pop3Port->hasFocus())
        m_pop3Port->setText(QString::number(pop3Default));
    if (!m_smtpPortTouched && !m_smtpPort->hasFocus())
        m_smtpPort->setText(QString::number(smtpDefault));
    m_populating = wasPopulating;
}

void AccountDialog::updateVisibility()
{
    const bool oauthOn = m_oauthEnabled->isChecked();
    const auto method = oauth::SignInMethod(m_oauthMethod->currentData().toInt());
    for (QWidget *row : {m_fields[AccountField::OAuthTokenEndpoint].row, m_fields[AccountField::OAuthClientId].row,
                         m_fields[AccountField::OAuthClientSecret].row, m_oauthSecretValidUntilRow,
                         m_fields[AccountField::OAuthScope].row, m_fields[AccountField::OAuthMethod].row})
        m_pop3Form->setRowVisible(row, oauthOn);

    // The sign-in address is only asked for when it cannot be derived from the token endpoint.
    bool needsAuthEndpoint = false;
    if (method == oauth::SignInMethod::Browser || method == oauth::SignInMethod::DeviceCode) {
        const QString endpoint = m_oauthTokenEndpoint->text().trimmed();
        const QString derived = method == oauth::SignInMethod::Browser ? oauth::derivedAuthorizationEndpoint(endpoint)
                                                                       : oauth::derivedDeviceCodeEndpoint(endpoint);
        needsAuthEndpoint = derived.isEmpty() || !m_oauthAuthorizationEndpoint->text().trimmed().isEmpty();
    }
    m_pop3Form->setRowVisible(m_fields[AccountField::OAuthAuthorizationEndpoint].row, oauthOn && needsAuthEndpoint);

    m_pop3Form->setRowVisible(m_pop3AcceptUnencrypted, comboSecurity(m_pop3Security) == Security::None);
    const bool afterDays = m_leaveOnServer->currentData().toInt() == int(store::LeaveOnServer::DeleteAfterDays);
    m_deleteAfterDays->setVisible(afterDays);
    m_deleteAfterDaysSuffix->setVisible(afterDays);
    // Deleted after download anyway: nothing is left on the server to delete.
    m_deleteWhenDeletedLocally->setVisible(m_leaveOnServer->currentData().toInt()
                                           != int(store::LeaveOnServer::DeleteAfterDownload));

    m_smtpForm->setRowVisible(m_smtpAcceptUnencrypted, comboSecurity(m_smtpSecurity) == Security::None);
    const bool ownLogin = m_smtpAuth->currentData().toInt() == int(store::SmtpAuth::Password);
    m_smtpForm->setRowVisible(m_fields[AccountField::SmtpUser].row, ownLogin);
    m_smtpForm->setRowVisible(m_fields[AccountField::SmtpPassword].row, ownLogin);
}

void AccountDialog::updatePasswordPlaceholders()
{
    const bool askEachTime = m_askForSecrets->isChecked();
    const bool oauthOn = m_oauthEnabled->isChecked();
    const auto method = oauth::SignInMethod(m_oauthMethod->currentData().toInt());
    const QString stored = tr("stored – leave empty to keep it");
    const QString asked = tr("asked for when needed");

    auto setup = [&](QLineEdit *edit, store::SecretName name, bool used, const QString &unusedText,
                     const QString &emptyText) {
        edit->setEnabled(used && !askEachTime);
        if (askEachTime)
            edit->setPlaceholderText(asked);
        else if (!used)
            edit->setPlaceholderText(unusedText);
        else if (m_base.hasSecret(name))
            edit->setPlaceholderText(stored);
        else
            edit->setPlaceholderText(emptyText);
        if (askEachTime)
            edit->clear();
    };
    setup(m_pop3Password, store::SecretName::Pop3Password,
          !oauthOn || oauth::signInMethodNeedsUserPassword(method), tr("not needed for this sign-in method"), {});
    setup(m_oauthClientSecret, store::SecretName::OAuthClientSecret, true, {},
          oauth::signInMethodNeedsClientSecret(method) ? QString() : tr("empty for a public client"));
    setup(m_smtpPassword, store::SecretName::SmtpPassword, true, {}, {});

    const QString email = m_email->text().trimmed();
    m_pop3User->setPlaceholderText(email.isEmpty() ? tr("the email address") : email);
    m_smtpUser->setPlaceholderText(m_pop3User->text().trimmed().isEmpty()
                                       ? (email.isEmpty() ? tr("the email address") : email)
                                       : m_pop3User->text().trimmed());
}

// ---------------------------------------------------------------------------------------------
// Validation display

void AccountDialog::markTouched(AccountField field)
{
    m_touched.insert(field);
    validateNow();
}

void AccountDialog::validateNow()
{
    if (m_populating)
        return;
    showIssues(currentIssues());
}

void AccountDialog::showIssues(const QList<store::ValidationIssue> &issues)
{
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        const AccountField field = it.key();
        Field &f = it.value();
        QStringList lines;
        bool anyError = false;
        f.fixAction = {};
        QString fixLabel;
        for (const store::ValidationIssue &issue : issues) {
            if (issue.field != field)
                continue;
            // Warnings at once; errors once the field was left or Save was pressed.
            if (issue.isError() && !m_showAllErrors && !m_touched.contains(field))
                continue;
            lines.append(issue.message);
            anyError = anyError || issue.isError();
            if (!f.fixAction && issue.fix) {
                f.fixAction = issue.fix;
                fixLabel = issue.fixLabel;
            }
        }
        f.message->setText(lines.join(u'\n'));
        f.message->setVisible(!lines.isEmpty());
        if (!lines.isEmpty())
            setMessageStyle(f.message, anyError ? MessageKind::Error : MessageKind::Warning);
        f.fix->setText(fixLabel);
        f.fix->setVisible(bool(f.fixAction));
    }
}

void AccountDialog::focusField(AccountField field)
{
    QWidget *target = editor(field);
    // "Confirm the unencrypted connection" is answered by the checkbox under the choice.
    if (field == AccountField::Pop3Security && comboSecurity(m_pop3Security) == Security::None
        && !m_pop3AcceptUnencrypted->isChecked())
        target = m_pop3AcceptUnencrypted;
    else if (field == AccountField::SmtpSecurity && comboSecurity(m_smtpSecurity) == Security::None
             && !m_smtpAcceptUnencrypted->isChecked())
        target = m_smtpAcceptUnencrypted;
    if (!target)
        return;
    m_scroll->ensureWidgetVisible(target);
    target->setFocus(Qt::OtherFocusReason);
    if (auto *edit = qobject_cast<QLineEdit *>(target))
        edit->selectAll();
}

void AccountDialog::applyFix(AccountField field)
{
    const auto fix = m_fields.value(field).fixAction;
    if (!fix)
        return;
    store::Account a = account();
    fix(a);
    populate(a);
    focusField(field);
}

QWidget *AccountDialog::editor(AccountField field) const
{
    return m_fields.value(field).editor;
}

QLabel *AccountDialog::labelFor(AccountField field) const
{
    return m_fields.value(field).label;
}

QLabel *AccountDialog::messageLabel(AccountField field) const
{
    return m_fields.value(field).message;
}

QPushButton *AccountDialog::fixButton(AccountField field) const
{
    return m_fields.value(field).fix;
}

// ---------------------------------------------------------------------------------------------
// Presets

void AccountDialog::askForMicrosoftTenant()
{
    if (!m_tenantDialog) {
        m_tenantDialog = new TenantDialog(this);
        connect(m_tenantDialog, &QDialog::accepted, this,
                [this] { applyMicrosoft365(m_tenantDialog->tenant()); });
    }
    m_tenantDialog->open();
}

void AccountDialog::applyMicrosoft365(const QString &tenant)
{
    if (!oauth::isValidMicrosoftTenant(tenant))
        return;
    store::Account a = account();
    oauth::applyMicrosoft365(a, tenant);
    populate(a);
    m_oauthClientId->setFocus(Qt::OtherFocusReason);
}

void AccountDialog::applyGmail()
{
    store::Account a = account();
    oauth::applyGmail(a);
    populate(a);
    m_oauthClientId->setFocus(Qt::OtherFocusReason);
}

// ---------------------------------------------------------------------------------------------
// Saving

void AccountDialog::save()
{
    if (m_saving)
        return;
    hideBanner();
    m_showAllErrors = true;
    const QList<store::ValidationIssue> issues = currentIssues();
    showIssues(issues);
    if (store::AccountValidator::hasErrors(issues)) {
        for (AccountField field : kFieldOrder) {
            const bool bad = std::any_of(issues.begin(), issues.end(), [field](const store::ValidationIssue &i) {
                return i.isError() && i.field == field;
            });
            if (bad) {
                focusField(field);
                break;
            }
        }
        return;
    }
    startSave(account(), secretUpdate());
}

void AccountDialog::startSave(const store::Account &account, const store::SecretUpdate &secrets)
{
    m_saving = true;
    m_saveButton->setEnabled(false);
    QPointer<AccountDialog> self(this);
    m_accounts->save(account, secrets, [self](const store::AccountManager::SaveResult &result) {
        if (!self)
            return;
        self->m_saving = false;
        self->m_saveButton->setEnabled(true);
        if (result.ok) {
            self->m_base = result.account;
            emit self->saved(result.account);
            self->accept();
            return;
        }
        if (store::AccountValidator::hasErrors(result.issues)) {
            // Another program changed the accounts meanwhile (e.g. took the prefix).
            self->showIssues(result.issues);
            for (AccountField field : kFieldOrder) {
                if (std::any_of(result.issues.begin(), result.issues.end(),
                                [field](const store::ValidationIssue &i) { return i.isError() && i.field == field; })) {
                    self->focusField(field);
                    break;
                }
            }
        }
        const bool noKeychain = result.secretError == secrets::SecretStore::Error::NoBackend;
        self->showBanner(result.error.isEmpty() ? tr("The account could not be saved.") : result.error, noKeychain);
    });
}

void AccountDialog::showBanner(const QString &message, bool offerAskEachTime)
{
    m_bannerText->setText(message);
    m_askEachTimeButton->setVisible(offerAskEachTime);
    m_banner->show();
    if (offerAskEachTime)
        m_askEachTimeButton->setFocus(Qt::OtherFocusReason);
}

void AccountDialog::hideBanner()
{
    m_banner->hide();
}

void AccountDialog::chooseAskEachTime()
{
    // No keychain: keep the settings, drop the typed secrets, ask for them when connecting.
    m_askForSecrets->setChecked(true);
    hideBanner();
    store::Account a = account();
    a.askForSecrets = true;
    startSave(a, store::SecretUpdate());
}

} // namespace kurier::ui
