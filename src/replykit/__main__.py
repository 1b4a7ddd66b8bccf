from replykit.cli import main

raise SystemExit(main())
