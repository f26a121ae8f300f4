#pragma once

#include <QPixmap>
#include <QSize>

#include <filesystem>

namespace backscreen::app {

/// A catalogue illustration (SVG) drawn into a pixmap for lists and previews, kept in a cache per file and
/// size: the program editor's rows and the catalogue picker show the same pictures many times.
class ExerciseIllustration
{
public:
    /// The picture scaled to fit `size` (aspect kept) on white; a grey box when the file cannot be drawn.
    static QPixmap pixmap(const std::filesystem::path& svg, QSize size);
};

} // namespace backscreen::app
