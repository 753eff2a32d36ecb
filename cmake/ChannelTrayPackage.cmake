# `cmake --build build --target package` (or `cpack --config build/CPackConfig.cmake`): a Debian
# package of what `cmake --install` installs. Dependencies on linked libraries come from
# dpkg-shlibdeps (SQLite too: the history uses its C API, no Qt SQL driver plugin). No maintainer
# scripts: dpkg's triggers refresh the icon cache, the desktop database and man-db.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME channeltray)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The ChannelTray developers")
set(CPACK_PACKAGE_CONTACT "${CHANNELTRAY_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "ChannelTray watches Gotify and OpenIM accounts on many servers from one\n"
    "system-tray icon, keeps every received message in a local history,\n"
    "refreshes expiring OpenIM tokens, and keeps every token in the keychain\n"
    "(Secret Service). A command line (doctor, watch, send, history) works\n"
    "without a display, and a demo runs loopback servers on 127.0.0.1.")
string(REPLACE ";" "" CPACK_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/package)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CHANNELTRAY_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# A Secret Service provider holds the tokens; a desktop without one can still use inline tokens.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
# dpkg-deb wants 0755 directories whatever the builder's umask.
set(CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS ${CMAKE_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
