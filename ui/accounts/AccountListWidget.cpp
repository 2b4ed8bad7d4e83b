#include "accounts/AccountListWidget.h"

#include "accounts/AccountDialog.h"
#include "accounts/NewAccountFlow.h"
#include "common/FormStyle.h"
#include "accounts/ConnectionTestDialog.h"
#include "accounts/SignInDialog.h"
#include "store/AccountManager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kurier::ui {

namespace {
enum Column { PrefixColumn, EmailColumn, DefaultColumn };
constexpr int kIdRole = Qt::UserRole;
} // namespace

AccountListWidget::AccountListWidget(store::AccountManager *accounts, QWidget *parent)
    : QWidget(parent)
    , m_accounts(accounts)
    , m_view(new QTreeWidget(this))
    , m_new(new QPushButton(tr("&New…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_remove(new QPushButton(tr("&Delete…"), this))
    , m_makeDefault(new QPushButton(tr("Set as de&fault"), this))
    , m_signIn(new QPushButton(tr("S&ign in…"), this))
    , m_test(new QPushButton(tr("Test &connection…"), this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("accountList"));
    m_view->setObjectName(QStringLiteral("accountView"));
    m_view->setColumnCount(3);
    m_view->setHeaderLabels({tr("Prefix"), tr("Email address"), tr("Default")});
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PrefixColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(EmailColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(DefaultColumn, QHeaderView::ResizeToContents);
    m_view->headerItem()->setTextAlignment(DefaultColumn, Qt::AlignCenter);
    m_view->setMinimumWidth(420);

    m_new->setObjectName(QStringLiteral("newButton"));
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_remove->setObjectName(QStringLiteral("deleteButton"));
    m_makeDefault->setObjectName(QStringLiteral("defaultButton"));
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setToolTip(tr("Get an OAuth 2.0 token now, so that fetching and sending need no sign-in"));
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Check name resolution, connection, encryption, sign-in and token step by step"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    setMessageStyle(m_status, MessageKind::Error);
    m_status->hide();

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_new);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addSpacing(12);
    buttons->addWidget(m_makeDefault);
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_test);
    buttons->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(m_view, 1);
    top->addLayout(buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_status);

    connect(m_new, &QPushButton::clicked, this, &AccountListWidget::createAccount);
    connect(m_edit, &QPushButton::clicked, this, &AccountListWidget::editSelected);
    connect(m_remove, &QPushButton::clicked, this, &AccountListWidget::removeSelected);
    connect(m_makeDefault, &QPushButton::clicked, this, &AccountListWidget::makeSelectedDefault);
    connect(m_signIn, &QPushButton::clicked, this, &AccountListWidget::signInSelected);
    connect(m_test, &QPushButton::clicked, this, &AccountListWidget::testSelected);
    connect(m_view, &QTreeWidget::itemDoubleClicked, this, &AccountListWidget::editSelected);
    connect(m_view, &QTreeWidget::itemSelectionChanged, this, &AccountListWidget::updateButtons);
    connect(m_accounts, &store::AccountManager::accountsChanged, this, &AccountListWidget::refresh);
    refresh();
}

QString AccountListWidget::selectedId() const
{
    const QList<QTreeWidgetItem *> items = m_view->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(PrefixColumn, kIdRole).toString();
}

void AccountListWidget::selectId(const QString &id)
{
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        if (item->data(PrefixColumn, kIdRole).toString() == id) {
            m_view->setCurrentItem(item);
            return;
        }
    }
}

void AccountListWidget::refresh()
{
    const QString selected = selectedId();
    m_view->clear();
    QFont bold = m_view->font();
    bold.setBold(true);
    // AccountStore keeps the default first.
    for (const store::Account &a : m_accounts->accounts()) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(PrefixColumn, a.prefix);
        item->setText(EmailColumn, a.senderName.isEmpty() ? a.email : a.senderName + QStringLiteral(" <") + a.email + u'>');
        item->setData(PrefixColumn, kIdRole, a.id);
        item->setTextAlignment(DefaultColumn, Qt::AlignCenter);
        if (a.isDefault) {
            item->setText(DefaultColumn, QStringLiteral("✓"));
            item->setData(DefaultColumn, Qt::AccessibleTextRole, tr("Default account"));
            item->setToolTip(DefaultColumn, tr("Default account"));
            for (int c = 0; c < 3; ++c)
                item->setFont(c, bold);
        }
    }
    if (!selected.isEmpty())
        selectId(selected);
    if (!m_view->currentItem() && m_view->topLevelItemCount() > 0)
        m_view->setCurrentItem(m_view->topLevelItem(0));
    updateButtons();
}

void AccountListWidget::updateButtons()
{
    const QString id = selectedId();
    const auto account = id.isEmpty() ? std::nullopt : m_accounts->findById(id);
    m_new->setEnabled(!m_busy);
    m_edit->setEnabled(!m_busy && account.has_value());
    m_remove->setEnabled(!m_busy && account.has_value());
    m_makeDefault->setEnabled(!m_busy && account.has_value() && !account->isDefault);
    m_signIn->setEnabled(!m_busy && account.has_value() && account->oauth.enabled);
    m_test->setEnabled(!m_busy && account.has_value());
}

ConnectionTestDialog *AccountListWidget::testSelected()
{
    const QString id = selectedId();
    const auto account = id.isEmpty() ? std::nullopt : m_accounts->findById(id);
    if (!account)
        return nullptr;
    auto *dialog = new ConnectionTestDialog(*account, {}, m_accounts->secretStore(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ConnectionTestDialog> guard(dialog);
    connect(dialog, &ConnectionTestDialog::certificateTrusted, this, [this, guard, id](const QByteArray &sha256) {
        auto current = m_accounts->findById(id);
        if (!current)
            return;
        if (!current->trustedCertificates.contains(sha256))
            current->trustedCertificates.append(sha256);
        m_accounts->save(*current, {}, [this, guard](const store::AccountManager::SaveResult &result) {
            if (!result.ok) {
                showError(result.error);
                return;
            }
            if (guard) {
                guard->setAccount(result.account);
                guard->start();
            }
        });
    });
    dialog->open();
    QTimer::singleShot(0, dialog, &ConnectionTestDialog::start);
    return dialog;
}

SignInDialog *AccountListWidget::signInSelected()
{
    const QString id = selectedId();
    const auto account = id.isEmpty() ? std::nullopt : m_accounts->findById(id);
    if (!account || !account->oauth.enabled)
        return nullptr;
    return SignInDialog::openFor(*account, m_accounts->secretStore(), this);
}

void AccountListWidget::showError(const QString &message)
{
    m_status->setText(message);
    m_status->setVisible(!message.isEmpty());
}

NewAccountFlow *AccountListWidget::createAccount()
{
    showError({});
    auto *dialog = new NewAccountFlow(m_accounts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewAccountFlow::saved, this, [this](const store::Account &a) { selectId(a.id); });
    dialog->open();
    return dialog;
}

AccountDialog *AccountListWidget::editSelected()
{
    showError({});
    const auto account = m_accounts->findById(selectedId());
    if (!account)
        return nullptr;
    auto *dialog = new AccountDialog(m_accounts, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AccountDialog::saved, this, [this](const store::Account &a) { selectId(a.id); });
    dialog->open();
    return dialog;
}

QMessageBox *AccountListWidget::removeSelected()
{
    showError({});
    const auto account = m_accounts->findById(selectedId());
    if (!account)
        return nullptr;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete account"),
                                tr("Delete the account %1 (%2)?").arg(account->prefix, account->email), QMessageBox::NoButton,
                                this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    box->setInformativeText(tr("Its settings and stored passwords are removed. Mail already downloaded stays."));
    // Own button texts: Qt's standard ones are only translated when Qt's catalogue is installed.
    QPushButton *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = account->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, id](QAbstractButton *clicked) {
        if (clicked != remove)
            return;
        m_busy = true;
        updateButtons();
        QPointer<AccountListWidget> self(this);
        m_accounts->remove(id, [self](bool ok, const QString &error) {
            if (!self)
                return;
            self->m_busy = false;
            self->updateButtons();
            if (!ok)
                self->showError(error);
        });
    });
    box->open();
    return box;
}

void AccountListWidget::makeSelectedDefault()
{
    showError({});
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    QString error;
    if (!m_accounts->setDefault(id, &error))
        showError(error);
    selectId(id);
}

} // namespace kurier::ui
