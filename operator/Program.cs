return Flowgen.Operator.OperatorCommand.Run(args);
