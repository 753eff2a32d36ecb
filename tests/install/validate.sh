#!/usr/bin/env bash
# The freedesktop validators on what ChannelTray installs; any message fails (warnings too).
#   validate.sh desktop FILE.desktop | appstream FILE.metainfo.xml | completions BASH_FILE ZSH_FILE
set -euo pipefail
kind=$1; shift
case $kind in
  desktop)
    out=$(desktop-file-validate "$1" 2>&1) || { echo "$out"; echo "FAIL: desktop-file-validate failed"; exit 1; }
    [[ -z $out ]] || { echo "$out"; echo "FAIL: desktop-file-validate has something to say"; exit 1; }
    echo "desktop-file-validate $(basename "$1"): no errors, no warnings"
    ;;
  appstream)
    # --strict: errors, warnings and infos fail; pedantic hints (the id's capitals) do not.
    appstreamcli validate --no-net --strict "$1"
    ;;
  completions)
    bash -n "$1" && echo "bash parses $(basename "$1")"
    zsh -n "$2" && echo "zsh parses $(basename "$2")"
    # The bash completion offers the commands at the first word and an option of a subcommand.
    words=$(bash -c 'source "$1"; COMP_WORDS=(channeltray ""); COMP_CWORD=1; _channeltray; echo "${COMPREPLY[*]}"' _ "$1")
    [[ " $words " == *" demo "* && " $words " == *" accounts "* ]] || { echo "FAIL: first word offers: $words"; exit 1; }
    words=$(bash -c 'source "$1"; COMP_WORDS=(channeltray accounts set-token --f); COMP_CWORD=3; _channeltray; echo "${COMPREPLY[*]}"' _ "$1")
    [[ $words == "--field" ]] || { echo "FAIL: accounts set-token --f offers: $words"; exit 1; }
    echo "bash completes commands and subcommand options"
    ;;
  *) echo "usage: validate.sh desktop|appstream|completions FILE..." >&2; exit 2 ;;
esac
