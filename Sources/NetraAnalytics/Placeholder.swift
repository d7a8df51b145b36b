// NetraAnalytics
