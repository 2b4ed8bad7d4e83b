#include "accounts/OptionsDialog.h"

#include "accounts/AccountListWidget.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kurier::ui {

OptionsDialog::OptionsDialog(store::AccountManager *accounts, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget(this))
    , m_accountList(new AccountListWidget(accounts))
{
    setObjectName(QStringLiteral("optionsDialog"));
    setWindowTitle(tr("Options"));
    m_tabs->addTab(m_accountList, tr("Accounts"));

    auto *buttons = new QDialogButtonBox(this);
    // Own text: Qt's "Close" is only translated when Qt's catalogue is installed.
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(640, 380);
}

} // namespace kurier::ui
