return Flowgen.Cli.FlowgenCommand.Run(args);
