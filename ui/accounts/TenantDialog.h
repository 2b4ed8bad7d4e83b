#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace kurier::ui {

// Asks for the Microsoft Entra ID tenant (directory ID or verified domain) for the Microsoft 365
// preset. OK is only enabled for something oauth::isValidMicrosoftTenant accepts.
class TenantDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TenantDialog(QWidget *parent = nullptr);

    [[nodiscard]] QString tenant() const;
    [[nodiscard]] QLineEdit *tenantEdit() const { return m_tenant; }
    [[nodiscard]] QPushButton *okButton() const { return m_ok; }

private:
    void updateState();

    QLineEdit *m_tenant;
    QLabel *m_message;
    QPushButton *m_ok;
};

} // namespace kurier::ui
