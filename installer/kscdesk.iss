; Inno Setup script: per-user install (commune PCs: no admin rights).
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0C6E2B-2B8D-4C55-9C5B-6B7B0D6F2A11}
AppName=kscdesk
AppVersion={#AppVersion}
AppPublisher=kscdesk
DefaultDirName={localappdata}\Programs\kscdesk
DefaultGroupName=kscdesk
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=kscdesk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayName=kscdesk – Kiểm soát thủ tục hành chính

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"

[Files]
Source: "..\dist\kscdesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\kscdesk"; Filename: "{app}\kscdesk.exe"
Name: "{userdesktop}\kscdesk"; Filename: "{app}\kscdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Tạo biểu tượng trên màn hình"; GroupDescription: "Biểu tượng:"

[Run]
Filename: "{app}\kscdesk.exe"; Description: "Mở kscdesk"; Flags: nowait postinstall skipifsilent
