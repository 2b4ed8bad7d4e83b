#pragma once

#include "diagnostics/Diagnostic.h"

#include <QFrame>
#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace kurier::ui {

// A non-modal bar above the message list: what failed, the likely cause and what to do about
// it (from a Diagnostic), with "Details" for the full text (server reply included) and a close
// button. Also used for notes (sign-in in the browser, device code) with kind Info.
class ErrorBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Error, Info };
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showDiagnostic(const QString &context, const diagnostics::Diagnostic &diagnostic);
    void showInfo(const QString &text, const QString &details = {});
    // One extra button for what the user can do about the problem shown ("Show certificate…");
    // every showDiagnostic()/showInfo() removes it again.
    void setAction(const QString &text, std::function<void()> handler);

    [[nodiscard]] QPushButton *actionButton() const { return m_actionButton; }

    [[nodiscard]] QString text() const;
    [[nodiscard]] QPlainTextEdit *detailsView() const { return m_details; }

private:
    void setKind(Kind kind);

    QLabel *m_text;
    QPushButton *m_actionButton;
    std::function<void()> m_action;
    QPushButton *m_detailsButton;
    QPlainTextEdit *m_details;
};

} // namespace kurier::ui
