#include "accounts/TenantDialog.h"

#include "common/FormStyle.h"
#include "oauth/ProviderPreset.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kurier::ui {

TenantDialog::TenantDialog(QWidget *parent)
    : QDialog(parent)
    , m_tenant(new QLineEdit(this))
    , m_message(new QLabel(this))
    , m_ok(new QPushButton(tr("Apply"), this))
{
    setObjectName(QStringLiteral("tenantDialog"));
    setWindowTitle(tr("Microsoft 365 / Outlook"));

    auto *intro = new QLabel(tr("Enter your organisation's tenant: the tenant ID shown in the Azure portal under "
                                "Microsoft Entra ID → Overview, or a verified domain such as "
                                "contoso.onmicrosoft.com."),
                             this);
    intro->setWordWrap(true);

    auto *label = new QLabel(tr("&Tenant ID or domain"), this);
    label->setBuddy(m_tenant);
    m_tenant->setObjectName(QStringLiteral("tenant"));
    m_tenant->setPlaceholderText(QStringLiteral("6b29fc40-ca47-1067-b31d-00dd010662da"));
    m_tenant->setMinimumWidth(m_tenant->fontMetrics().horizontalAdvance(m_tenant->placeholderText()) + 24);
    m_message->setObjectName(QStringLiteral("tenantMessage"));
    m_message->setWordWrap(true);
    setMessageStyle(m_message, MessageKind::Error);
    m_message->hide();

    m_ok->setObjectName(QStringLiteral("tenantOkButton"));
    m_ok->setDefault(true);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_ok, QDialogButtonBox::AcceptRole);
    buttons->addButton(cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addWidget(label);
    layout->addWidget(m_tenant);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(m_tenant, &QLineEdit::textChanged, this, &TenantDialog::updateState);
    updateState();
    // A top-level layout does not grow for a wrapped label by itself: reserve its height.
    constexpr int kWidth = 460;
    const QMargins margins = layout->contentsMargins();
    intro->setMinimumHeight(intro->heightForWidth(kWidth - margins.left() - margins.right()));
    setMinimumWidth(kWidth);
    resize(kWidth, sizeHint().height());
}

QString TenantDialog::tenant() const
{
    return m_tenant->text().trimmed();
}

void TenantDialog::updateState()
{
    const QString t = tenant();
    const bool valid = oauth::isValidMicrosoftTenant(t);
    m_ok->setEnabled(valid);
    // Only complain once there is something to complain about.
    const bool complain = !t.isEmpty() && !valid;
    m_message->setText(complain ? tr("This is neither a tenant ID (a GUID) nor a domain name.") : QString());
    m_message->setVisible(complain);
}

} // namespace kurier::ui
