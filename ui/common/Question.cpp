#include "common/Question.h"

#include <QPushButton>

namespace kurier::ui {

Question askFirst(QWidget *parent, QMessageBox::Icon icon, const QString &title, const QString &text,
                  const QString &confirmText, QMessageBox::ButtonRole confirmRole)
{
    Question q;
    q.box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    q.box->setTextFormat(Qt::PlainText);
    q.confirm = q.box->addButton(confirmText, confirmRole);
    QPushButton *cancel = q.box->addButton(QMessageBox::Cancel);
    q.box->setDefaultButton(cancel);
    q.box->setEscapeButton(cancel);
    q.box->setAttribute(Qt::WA_DeleteOnClose);
    return q;
}

} // namespace kurier::ui
