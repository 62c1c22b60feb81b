; Sebaya's part of electron-builder's NSIS script (electron-builder.yml: nsis.include).
;
; Uninstalling keeps the vault: the school's records live in %APPDATA%\Sebaya, not
; in the program folder, and a reinstalled Sebaya opens them again with the same
; passwords. Only when the person uninstalling says so, twice, is that folder
; deleted. Never on an update (the new version's installer runs this uninstaller
; with --updated) and never in a silent uninstall (/S): both keep the vault.
;
; The texts follow the installer's language: Indonesian (LANGID 1057) or English.

!ifdef BUILD_UNINSTALLER
  Var sebayaDeleteVault

  !macro customUnInit
    StrCpy $sebayaDeleteVault "0"
    ${ifNot} ${isUpdated}
      ClearErrors
      ${GetParameters} $R0
      ${GetOptions} $R0 "/S" $R1
      ${if} ${Errors}
        ; The one-click uninstaller has already made itself silent; a question needs it visible.
        SetSilent normal
        ${if} $LANGUAGE == 1057
          StrCpy $R2 "Hapus juga brankas Sebaya di komputer ini?$\r$\n$\r$\nBrankas berisi semua catatan program: konselor sebaya, catatan sesi, kasus, supervisi. Pilih Tidak untuk menyimpannya; Sebaya yang dipasang lagi akan membukanya dengan kata sandi yang sama.$\r$\n$\r$\nBuat cadangan dulu jika catatan ini masih diperlukan."
          StrCpy $R3 "Brankas akan dihapus untuk selamanya dan tidak bisa dikembalikan, kecuali dari cadangan.$\r$\n$\r$\nYakin ingin menghapus semua catatan Sebaya di komputer ini?"
        ${else}
          StrCpy $R2 "Also delete the Sebaya vault on this computer?$\r$\n$\r$\nThe vault holds all of the program's records: peers, session logs, cases, supervision. Choose No to keep it; a reinstalled Sebaya opens it again with the same passwords.$\r$\n$\r$\nMake a backup first if the records may still be needed."
          StrCpy $R3 "The vault will be deleted for good and cannot be brought back, except from a backup.$\r$\n$\r$\nDelete all Sebaya records on this computer?"
        ${endif}
        MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$R2" /SD IDNO IDNO sebayaKeepVault
        MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$R3" /SD IDNO IDNO sebayaKeepVault
        StrCpy $sebayaDeleteVault "1"
        sebayaKeepVault:
        !ifdef ONE_CLICK
          SetSilent silent
        !endif
      ${endif}
    ${endif}
  !macroend

  !macro customUnInstall
    ${if} $sebayaDeleteVault == "1"
      ; Electron keeps every user's data in their own roaming AppData: <userData> = %APPDATA%\<product name>.
      SetShellVarContext current
      RMDir /r "$APPDATA\${PRODUCT_FILENAME}"
    ${endif}
  !macroend
!endif
