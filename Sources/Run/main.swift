import Web

await TandemCommand.main()
