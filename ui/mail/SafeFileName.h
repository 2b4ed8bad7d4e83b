#pragma once

#include <QString>

namespace kurier::ui {

// A file name from a message (attachment names are chosen by the sender) made safe to create
// in a folder the user picked: no directories ("../../.bashrc" → "bashrc"), no control or
// path characters, no leading dots (no hidden files), not empty, at most 200 bytes of UTF-8.
[[nodiscard]] QString safeFileName(const QString &name);
// A sender-chosen string shown as it is, except that control, direction-format and line
// separator characters (which can turn "gpj.exe" around or hide a line) become U+FFFD.
[[nodiscard]] QString visibleText(const QString &text);

} // namespace kurier::ui
