#include "accounts/NewAccountFlow.h"

#include "accounts/AccountDialog.h"
#include "accounts/ConnectionTestDialog.h"
#include "accounts/DiscoveryProgressView.h"
#include "accounts/FoundSettingsView.h"
#include "common/FormStyle.h"
#include "discovery/AccountProposal.h"
#include "net/SslTransport.h"
#include "store/AccountManager.h"
#include "store/AccountValidator.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kurier::ui {

using discovery::Discovery;

namespace {

QLabel *headingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont big = label->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    label->setFont(big);
    label->setWordWrap(true);
    return label;
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

NewAccountFlow::NewAccountFlow(store::AccountManager *accounts, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_network(new QNetworkAccessManager(this))
{
    setWindowTitle(tr("New account"));
    setSizeGripEnabled(true);

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildStartPage());
    m_pages->addWidget(buildSearchPage());
    m_found = new FoundSettingsView;
    m_found->setObjectName(QStringLiteral("foundSettings"));
    auto *foundScroll = new QScrollArea;
    foundScroll->setWidget(m_found);
    foundScroll->setWidgetResizable(true);
    foundScroll->setFrameShape(QFrame::NoFrame);
    m_pages->addWidget(foundScroll);
    connect(m_found, &FoundSettingsView::changed, this, &NewAccountFlow::updateButtons);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("flowError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setMessageStyle(m_error, MessageKind::Error);
    m_error->hide();

    m_manual = new QPushButton(tr("Edit &manually…"), this);
    m_manual->setObjectName(QStringLiteral("manualButton"));
    m_manual->setToolTip(tr("Open the detailed form with everything known so far"));
    m_test = new QPushButton(tr("Test &connection…"), this);
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_back = new QPushButton(tr("&Back"), this);
    m_back->setObjectName(QStringLiteral("backButton"));
    m_continue = new QPushButton(tr("&Next"), this);
    m_continue->setObjectName(QStringLiteral("continueButton"));
    m_create = new QPushButton(tr("Create &account"), this);
    m_create->setObjectName(QStringLiteral("createButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    for (QPushButton *b : {m_manual, m_test, m_back, m_cancel})
        b->setAutoDefault(false);
    connect(m_manual, &QPushButton::clicked, this, &NewAccountFlow::editManually);
    connect(m_test, &QPushButton::clicked, this, &NewAccountFlow::testConnection);
    connect(m_back, &QPushButton::clicked, this, &NewAccountFlow::back);
    connect(m_continue, &QPushButton::clicked, this, &NewAccountFlow::search);
    connect(m_create, &QPushButton::clicked, this, &NewAccountFlow::createAccount);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_manual);
    buttons->addWidget(m_test);
    buttons->addStretch();
    buttons->addWidget(m_back);
    buttons->addWidget(m_continue);
    buttons->addWidget(m_create);
    buttons->addWidget(m_cancel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    showPage(Page::Start);
    resize(qMax(sizeHint().width(), 620), qMax(sizeHint().height(), 460));
}

NewAccountFlow::~NewAccountFlow() = default;

void NewAccountFlow::setCaFile(const QString &path)
{
    m_caFile = path;
    m_settings.extraCaCertificates = net::SslTransport::loadCaFile(path);
}

QWidget *NewAccountFlow::buildStartPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(headingLabel(tr("Set up an existing e-mail address"), page));
    layout->addWidget(hintLabel(tr("Kurier looks up the servers of your provider from the address: its published "
                                   "settings, the Mozilla ISPDB, DNS, and by asking the likely servers. Only the "
                                   "address leaves this computer, never the password."),
                                page));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_name = new QLineEdit(page);
    m_name->setObjectName(QStringLiteral("senderName"));
    m_name->setPlaceholderText(tr("as recipients see it, e.g. Erika Mustermann"));
    auto *nameLabel = new QLabel(tr("Y&our name:"), page);
    nameLabel->setBuddy(m_name);
    form->addRow(nameLabel, m_name);

    m_email = new QLineEdit(page);
    m_email->setObjectName(QStringLiteral("email"));
    m_email->setPlaceholderText(tr("name@example.com"));
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly | Qt::ImhNoAutoUppercase);
    auto *emailBox = new QWidget(page);
    auto *emailLayout = new QVBoxLayout(emailBox);
    emailLayout->setContentsMargins(0, 0, 0, 0);
    emailLayout->setSpacing(2);
    emailLayout->addWidget(m_email);
    m_emailMessage = new QLabel(emailBox);
    m_emailMessage->setWordWrap(true);
    setMessageStyle(m_emailMessage, MessageKind::Error);
    m_emailMessage->hide();
    emailLayout->addWidget(m_emailMessage);
    auto *emailLabel = new QLabel(tr("&E-mail address:"), page);
    emailLabel->setBuddy(m_email);
    form->addRow(emailLabel, emailBox);

    m_password = new QLineEdit(page);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    m_password->setPlaceholderText(tr("leave empty when you sign in with OAuth 2.0"));
    auto *passwordLabel = new QLabel(tr("Pass&word:"), page);
    passwordLabel->setBuddy(m_password);
    form->addRow(passwordLabel, m_password);
    layout->addLayout(form);
    layout->addStretch(1);

    connect(m_email, &QLineEdit::textChanged, this, [this] {
        m_emailMessage->hide();
        updateButtons();
    });
    connect(m_email, &QLineEdit::returnPressed, this, &NewAccountFlow::search);
    return page;
}

QWidget *NewAccountFlow::buildSearchPage()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    m_searchHeading = headingLabel(QString(), page);
    layout->addWidget(m_searchHeading);
    m_searchHint = hintLabel(QString(), page);
    layout->addWidget(m_searchHint);
    m_progress = new DiscoveryProgressView(page);
    m_progress->setObjectName(QStringLiteral("discoveryProgress"));
    layout->addWidget(m_progress, 1);
    return page;
}

NewAccountFlow::Page NewAccountFlow::page() const
{
    return Page(m_pages->currentIndex());
}

void NewAccountFlow::showPage(Page page)
{
    m_pages->setCurrentIndex(int(page));
    m_error->hide();
    updateButtons();
}

void NewAccountFlow::updateButtons()
{
    const Page p = page();
    m_manual->setText(p == Page::Found ? tr("Edit &manually…") : tr("Set up &manually…"));
    m_test->setVisible(p == Page::Found);
    m_back->setVisible(p != Page::Start);
    m_continue->setVisible(p == Page::Start);
    m_create->setVisible(p == Page::Found);
    m_continue->setEnabled(!m_email->text().trimmed().isEmpty());
    m_create->setEnabled(p == Page::Found && !m_saving && m_found->isComplete());
    m_test->setEnabled(p == Page::Found && m_found->otherErrors().isEmpty());
    // Return does the step the page is for; on a search that found nothing, the detailed form.
    QPushButton *preferred = p == Page::Start ? m_continue : p == Page::Found ? m_create : m_manual;
    for (QPushButton *b : {m_manual, m_continue, m_create})
        b->setDefault(b == preferred);
    if (p == Page::Found) {
        const QStringList errors = m_found->otherErrors();
        m_error->setText(errors.isEmpty() ? QString()
                                          : tr("%1 Use “Edit manually” to complete the settings.").arg(errors.join(u' ')));
        m_error->setVisible(!errors.isEmpty());
    }
}

void NewAccountFlow::search()
{
    if (page() != Page::Start)
        return;
    const QString address = m_email->text().trimmed();
    if (!store::AccountValidator::isValidEmail(address)) {
        m_emailMessage->setText(tr("Enter an e-mail address such as name@example.com."));
        m_emailMessage->show();
        m_email->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_nothingFound = false;
    m_discovery = std::make_unique<Discovery>(m_network, m_settings);
    connect(m_discovery.get(), &Discovery::bestKnown, this, &NewAccountFlow::onBestKnown);
    connect(m_discovery.get(), &Discovery::finished, this, &NewAccountFlow::onFinished);
    // A slower source that finds something later joins the choice on the result page.
    connect(m_discovery.get(), &Discovery::sourceChanged, this, [this] {
        if (page() == Page::Found)
            m_found->updateFound(m_discovery->found());
    });
    const QString domain = address.section(u'@', -1);
    m_searchHeading->setText(tr("Looking for the settings of %1…").arg(domain));
    m_searchHint->setText(tr("Every source is asked at once; the most trustworthy answer wins. A source that "
                             "takes long can be skipped."));
    showPage(Page::Searching);
    m_discovery->start(address);
    // After start(): every source is running now (the Discovery sets that without a signal).
    m_progress->track(m_discovery.get());
}

void NewAccountFlow::onBestKnown()
{
    const auto best = m_discovery->best();
    if (!best || page() != Page::Searching)
        return;
    // best() first: found() is in order of priority, so the best is its first entry.
    m_found->setFound(m_discovery->found(), m_email->text(), m_name->text(), m_password->text(), m_accounts->accounts());
    showPage(Page::Found);
    m_found->prefixEdit()->setFocus(Qt::OtherFocusReason);
}

void NewAccountFlow::onFinished()
{
    if (m_discovery->best()) {
        onBestKnown();
        return;
    }
    m_nothingFound = true;
    m_searchHeading->setText(tr("No settings found for %1").arg(m_email->text().trimmed().section(u'@', -1)));
    m_searchHint->setText(tr("None of the sources knows this provider's servers (each says why below). "
                             "Ask your provider for them and enter them with “Set up manually”."));
    updateButtons();
    m_manual->setFocus(Qt::OtherFocusReason);
}

void NewAccountFlow::back()
{
    if (m_discovery)
        m_discovery->abort();
    m_discovery.reset();
    showPage(Page::Start);
    m_email->setFocus(Qt::OtherFocusReason);
}

store::Account NewAccountFlow::accountSoFar() const
{
    if (page() == Page::Found) {
        store::Account a = m_found->account();
        a.extraCaFile = m_caFile;
        for (const QByteArray &pin : m_trusted) {
            if (!a.trustedCertificates.contains(pin))
                a.trustedCertificates.append(pin);
        }
        return a;
    }
    store::Account a;
    a.email = m_email->text().trimmed();
    a.senderName = m_name->text().trimmed();
    a.extraCaFile = m_caFile;
    if (store::AccountValidator::isValidEmail(a.email))
        a.prefix = discovery::AccountProposal::suggestPrefix(a.email, m_accounts->accounts());
    return a;
}

void NewAccountFlow::createAccount()
{
    if (page() != Page::Found || m_saving || !m_found->isComplete())
        return;
    m_saving = true;
    updateButtons();
    QPointer<NewAccountFlow> self(this);
    m_accounts->save(accountSoFar(), m_found->secrets(), [self](const store::AccountManager::SaveResult &result) {
        if (!self)
            return;
        self->m_saving = false;
        self->updateButtons();
        if (result.ok) {
            emit self->saved(result.account);
            self->accept();
            return;
        }
        QStringList messages;
        for (const auto &issue : result.issues) {
            if (issue.isError())
                messages << issue.message;
        }
        if (!result.error.isEmpty())
            messages.prepend(result.error);
        self->m_error->setText(messages.isEmpty() ? tr("The account could not be saved.") : messages.join(u'\n'));
        self->m_error->show();
    });
}

AccountDialog *NewAccountFlow::editManually()
{
    // The detailed form replaces the flow while it is open: saved there, the flow is done;
    // cancelled, the flow comes back as it was.
    auto *dialog = new AccountDialog(m_accounts, accountSoFar(), parentWidget());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    store::SecretUpdate typed = page() == Page::Found ? m_found->secrets() : store::SecretUpdate();
    if (page() != Page::Found && !m_password->text().isEmpty())
        typed.set(store::SecretName::Pop3Password, m_password->text());
    dialog->setTypedSecrets(typed);
    m_manualDialog = dialog;
    QPointer<NewAccountFlow> self(this);
    connect(dialog, &AccountDialog::saved, this, [self](const store::Account &account) {
        if (!self)
            return;
        emit self->saved(account);
        self->accept();
    });
    connect(dialog, &QDialog::rejected, this, [self] {
        if (self)
            self->show();
    });
    hide();
    dialog->open();
    return dialog;
}

ConnectionTestDialog *NewAccountFlow::testConnection()
{
    if (page() != Page::Found)
        return nullptr;
    // A trusted certificate is pinned with the account when it is created.
    return ConnectionTestDialog::openForUnsaved(accountSoFar(), m_found->secrets(), m_accounts->secretStore(), this,
                                                [this](const QByteArray &sha256) {
                                                    if (!m_trusted.contains(sha256))
                                                        m_trusted.append(sha256);
                                                    return accountSoFar();
                                                });
}

} // namespace kurier::ui
