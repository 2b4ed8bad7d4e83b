#pragma once

#include <QMessageBox>
#include <QString>

class QPushButton;
class QWidget;

namespace kurier::ui {

// Asking before something that cannot be taken back or may do harm (delete for good, empty the
// Papierkorb, replace a file, open a program, discard a message), the same way everywhere:
// non-modal (open(), so a fetch or send goes on meanwhile), plain text (the text quotes names a
// sender chose), Abbrechen as the default and Escape button, deleted when closed. The caller
// names the two widgets and connects to box->buttonClicked, comparing with `confirm`.
struct Question
{
    QMessageBox *box = nullptr;
    QPushButton *confirm = nullptr;
};
[[nodiscard]] Question askFirst(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                                const QString &confirmText,
                                QMessageBox::ButtonRole confirmRole = QMessageBox::DestructiveRole);

} // namespace kurier::ui
