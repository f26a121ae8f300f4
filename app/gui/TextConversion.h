#pragma once

#include <QString>

#include <string>

namespace backscreen::app {

/// Core and db speak UTF-8 std::string; the widgets speak QString. These two are the only crossings.
inline QString toQString(const std::string& text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

inline std::string toUtf8(const QString& text)
{
    return text.toStdString();
}

} // namespace backscreen::app
