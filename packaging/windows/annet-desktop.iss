; Inno Setup 6 script: the Windows installer of Annet Desktop from the PyInstaller one-folder build.
;
;   pyinstaller --noconfirm --clean packaging\annet-desktop.spec        (gives dist\annet-desktop\)
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\annet-desktop.iss
;
; Output: dist\annet-desktop-<version>-windows-x64-setup.exe. Per-user install by default (no admin
; rights needed; the dialog offers all users), Start menu entry, optional desktop icon, uninstaller.
; Smoke-test dist\annet-desktop\annet-desktop.exe --self-test BEFORE running this (packaging/README.md).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Annet Desktop"
#define AppNameRu "Аннет — личный кабинет"
#define AppExe "annet-desktop.exe"

[Setup]
; a fixed AppId: upgrades replace the same installation (never change it)
; paths below are relative to the repository root (two levels up from this script)
SourceDir=..\..
AppId={{6B0E6A0C-3C1F-4E63-9C2B-5A1E2D7F4A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Аннет, Тверь
AppPublisherURL=https://www.an-net.ru
DefaultDirName={autopf}\Annet Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=dist
OutputBaseFilename=annet-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=annet_desktop\resources\icons\annet.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole one-folder bundle
Source: "dist\annet-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppNameRu}"; Filename: "{app}\{#AppExe}"; Languages: russian
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Languages: english
Name: "{autodesktop}\{#AppNameRu}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Languages: russian
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon; Languages: english

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; nothing of the user's: settings (%APPDATA%\Annet) and the keyring entries stay
Type: dirifempty; Name: "{app}"
