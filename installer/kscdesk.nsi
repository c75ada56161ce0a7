; kscdesk installer (NSIS 3, Unicode). Per-user: no admin rights, only HKCU keys.
;
;   makensis -WX -DVERSION=0.1.0 -DBUNDLE=dist\kscdesk -DOUTFILE=dist\kscdesk-0.1.0-setup.exe installer\kscdesk.nsi
;
; BUNDLE is the PyInstaller one-folder build (installer/kscdesk.spec). -DFAST stores the files
; uncompressed (the quick compile check on Linux CI). Uninstalling keeps the user's data:
; it lives in %LOCALAPPDATA%\kscdesk, never under the program folder.

Unicode true
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "Pass -DVERSION=x.y.z (kscdesk.__version__)"
!endif
!ifndef BUNDLE
  !error "Pass -DBUNDLE=path\to\dist\kscdesk (the PyInstaller folder)"
!endif
!ifndef OUTFILE
  !define OUTFILE "kscdesk-${VERSION}-setup.exe"
!endif

!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

!define APP "kscdesk"
!define APP_TITLE "kscdesk – Kiểm soát thủ tục hành chính"
!define PUBLISHER "kscdesk"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP}"
!define APP_KEY "Software\${APP}"
!define PROG_ID "kscdesk.package"
!define MIN_BUILD 17763 ; Windows 10 1809, the oldest Windows Qt 6 supports

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

Name "${APP_TITLE}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP}"
InstallDirRegKey HKCU "${APP_KEY}" "InstallDir" ; an upgrade goes where the last install went
BrandingText "${APP} ${VERSION}"
!searchparse /noerrors "${VERSION}.0.0.0" "" V1 "." V2 "." V3 "."
VIProductVersion "${V1}.${V2}.${V3}.0"
VIAddVersionKey /LANG=1066 "ProductName" "${APP}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${APP_TITLE}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "..\resources\icons\kscdesk.ico"
!define MUI_UNICON "..\resources\icons\kscdesk.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_FINISHPAGE_RUN "$INSTDIR\kscdesk.exe"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

; A running kscdesk.exe cannot be opened for writing: ask to close it (an upgrade or an
; uninstall must not half-replace a running program). Silent runs fail instead of waiting.
!macro DEFINE_CHECK_NOT_RUNNING PREFIX
Function ${PREFIX}CheckNotRunning
  retry:
  IfFileExists "$INSTDIR\kscdesk.exe" 0 done
  ClearErrors
  FileOpen $0 "$INSTDIR\kscdesk.exe" a
  IfErrors 0 writable
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "kscdesk đang chạy. Hãy đóng cửa sổ kscdesk \
rồi bấm Thử lại (dữ liệu đã lưu không bị ảnh hưởng)." /SD IDCANCEL IDRETRY retry
    Abort
  writable:
  FileClose $0
  done:
FunctionEnd
!macroend
!insertmacro DEFINE_CHECK_NOT_RUNNING ""
!insertmacro DEFINE_CHECK_NOT_RUNNING "un."

Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_ICONSTOP|MB_OK "kscdesk cần Windows 10 phiên bản 1809 trở lên (hoặc Windows 11). \
Máy này đang chạy phiên bản Windows cũ hơn nên không cài đặt được." /SD IDOK
    Abort
  ${EndIf}
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "kscdesk cần Windows 64 bit." /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

Section "kscdesk (bắt buộc)" SecApp
  SectionIn RO
  SetShellVarContext current
  Call CheckNotRunning
  SetOutPath "$INSTDIR"
  ; Upgrade in place: the old program files go first so no stale module survives; the data
  ; folder (%LOCALAPPDATA%\kscdesk) is elsewhere and untouched.
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${APP_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_TITLE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\kscdesk.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1

  ; .kscx packages open in kscdesk (a running kscdesk receives the file: single instance).
  WriteRegStr HKCU "Software\Classes\.kscx" "" "${PROG_ID}"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}" "" "Gói dữ liệu kscdesk"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\DefaultIcon" "" "$INSTDIR\kscdesk.exe,0"
  WriteRegStr HKCU "Software\Classes\${PROG_ID}\shell\open\command" "" \
    '"$INSTDIR\kscdesk.exe" --open "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)' ; SHCNE_ASSOCCHANGED

  CreateShortcut "$SMPROGRAMS\kscdesk.lnk" "$INSTDIR\kscdesk.exe" "" "$INSTDIR\kscdesk.exe" 0
SectionEnd

Section "Biểu tượng trên màn hình" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\kscdesk.lnk" "$INSTDIR\kscdesk.exe" "" "$INSTDIR\kscdesk.exe" 0
SectionEnd

Section "Uninstall"
  Call un.CheckNotRunning
  SetShellVarContext current
  ; Only the program's own files: the data folder %LOCALAPPDATA%\kscdesk (database, backups,
  ; attachments, logs) is kept, so a reinstall finds everything.
  Delete "$INSTDIR\kscdesk.exe"
  Delete "$INSTDIR\kscdesk-cli.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\kscdesk.lnk"
  Delete "$DESKTOP\kscdesk.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${APP_KEY}"
  ReadRegStr $0 HKCU "Software\Classes\.kscx" ""
  ${If} $0 == "${PROG_ID}"
    DeleteRegKey HKCU "Software\Classes\.kscx"
  ${EndIf}
  DeleteRegKey HKCU "Software\Classes\${PROG_ID}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
